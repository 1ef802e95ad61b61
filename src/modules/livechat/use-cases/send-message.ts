import { isUniqueViolation } from '../../../platform/db/constraint.js';
import { isPostgres, type Db, type Trx } from '../../../platform/db/connect.js';
import { groupCommitOf, type BatchKind } from '../../../platform/db/group-commit.js';
import { ReadBatcher, readBatcherOf } from '../../../platform/db/read-batcher.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { authorize } from '../../../platform/policy/authorize.js';
import { appendMessages, appendMessagesAtOnce, type Appended } from '../append-message.js';
import { recordPhraseWarning, screenStaffMessage } from '../../conduct/use-cases/screen-staff-message.js';
import { accessOf, holderAccess, type ConversationRow, type MessageRow } from '../livechat.repo.js';
import { livechatPolicy } from '../livechat.policy.js';
import { CHAT_MACHINE } from '../transitions.js';
import { conversationSubject } from '../livechat.events.js';

/** Who sends: the citizen of the conversation (by token), or a signed-in staff member. */
export type ChatSender = { side: 'citizen'; conversationId: string } | { side: 'agent'; principal: Principal };

export interface SendInput {
  conversationId: string;
  clientId: string;
  kind: 'text' | 'note';
  text: string;
  force?: boolean;
}

export type SendResult =
  { stored: MessageRow; repeated: boolean } | { warning: { phrase: string; suggestion: string }[] };

export const CONVERSATION_CLOSED = {
  zh: '本次会话已结束，如需帮助请重新发起人工服务。',
  en: 'This conversation has ended; start a new one if you need help.',
};

/** An HTML tag or control character is stored as typed: the web shows text, never HTML. */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

/** Conversations read by id: the messages arriving together look theirs up in one query. */
const conversationsOf = (db: Db) =>
  readBatcherOf(
    db,
    'livechat.conversations',
    () =>
      new ReadBatcher<string, ConversationRow>(
        async (ids) =>
          new Map(
            (await db.selectFrom('chat_conversations').selectAll().where('id', 'in', ids).execute()).map((r) => [
              r.id,
              r,
            ]),
          ),
        (id) => id,
      ),
  );

type ClientKey = { conversationId: string; clientId: string };
const clientKey = (k: ClientKey) => `${k.conversationId}\u0000${k.clientId}`;

/** Messages read by the sender's clientId (a retry?), for the messages arriving together in one query. */
const byClientIdOf = (db: Db) =>
  readBatcherOf(
    db,
    'livechat.messages-by-client-id',
    () =>
      new ReadBatcher<ClientKey, MessageRow>(
        async (keys) =>
          new Map(
            (
              await db
                .selectFrom('chat_messages')
                .selectAll()
                .where((eb) =>
                  eb.or(
                    keys.map((k) =>
                      eb.and([eb('conversation_id', '=', k.conversationId), eb('client_id', '=', k.clientId)]),
                    ),
                  ),
                )
                .execute()
            ).map((r) => [clientKey({ conversationId: r.conversation_id, clientId: r.client_id! }), r]),
          ),
        clientKey,
      ),
  );

/** The conversation the sender may write in: the citizen's own, or one the staff member holds; 404 otherwise. */
export async function senderConversation(db: Db, from: ChatSender, conversationId: string): Promise<ConversationRow> {
  if (from.side === 'citizen' && from.conversationId !== conversationId) throw notPart();
  const c = await conversationsOf(db).load(conversationId);
  if (!c) throw notPart();
  if (from.side === 'agent') {
    // the holder may read and act whoever else held or was consulted: no need to look them up
    const access = c.agent_id === from.principal.id ? holderAccess(c) : await accessOf(db, c);
    if (!livechatPolicy.read(from.principal, access)) throw notPart();
    authorize(from.principal, livechatPolicy.act, access);
  }
  return c;
}

export async function byClientId(db: Db, conversationId: string, clientId: string): Promise<MessageRow | undefined> {
  return byClientIdOf(db).load({ conversationId, clientId });
}

interface Sending extends Appended {
  /** an agent's text: the conversation as read, for the first human response */
  firstResponse: { c: ConversationRow; agentId: string } | null;
}

/** Messages sent together are stored in one go (see `appendMessages`), first responses after them. */
const SEND_KIND: BatchKind<Sending, MessageRow> = {
  async many(trx, items) {
    const rows = await appendMessages(trx, items);
    for (const { actor, now, firstResponse: f } of items)
      if (f) {
        await markFirstResponse(trx, actor, now, f.c, f.agentId);
        await markTransferResponse(trx, actor, now, f.c, f.agentId);
      }
    return rows;
  },
  // PostgreSQL: one statement for the batch, first responses included (a business agent's first
  // answer after a transfer, once per transfer, takes the transaction above)
  single: (db, items) =>
    isPostgres(db) &&
    !items.some((i) => i.firstResponse && awaitsTransferResponse(i.firstResponse.c, i.firstResponse.agentId))
      ? appendMessagesAtOnce(
          db,
          items.map((i) => ({ ...i, firstResponse: !!i.firstResponse })),
        )
      : null,
};

/**
 * Stores a message (then the caller acks it). The sender's clientId makes retries safe: the same
 * clientId answers the stored message again, never a second copy (the unique index on
 * (conversation, clientId) refuses the copy; a batch holding one is stored unit by unit, see
 * group-commit.ts). A citizen writes only in their
 * own conversation; staff only in one they hold (notes too); nothing is stored otherwise. An
 * agent's first text message is the first human response (its time is stored, compared with the
 * due time). An agent's text with forbidden phrases is not sent unless `force` (conduct module).
 */
export async function sendMessage(
  db: Db,
  actor: Actor,
  now: Date,
  from: ChatSender,
  input: SendInput,
  /**
   * runs as soon as the message is committed (the socket acks it and delivers it on this node),
   * with the conversation as read before the message was stored
   */
  onStored?: (row: MessageRow, conversation: ConversationRow) => void,
): Promise<SendResult> {
  const text = cleanText(input.text);
  if (!text)
    throw new AppError('VALIDATION_FAILED', { zh: '消息不能为空。', en: 'The message is empty.' }, { field: 'text' });
  const c = await senderConversation(db, from, input.conversationId);
  if (from.side === 'citizen' && input.kind === 'note')
    throw new AppError('FORBIDDEN', { zh: '市民不能发送内部备注。', en: 'Citizens cannot write internal notes.' });
  // a retry of a stored message (same clientId) is answered with it below: the unique index finds
  // it as the message is stored, no read beforehand; only a refusal looks first
  const repeat = async () => {
    const earlier = await byClientId(db, c.id, input.clientId);
    return earlier ? { stored: earlier, repeated: true } : null;
  };
  if (c.status === 'closed') {
    const r = await repeat();
    if (r) return r;
    throw new AppError('INVALID_TRANSITION', CONVERSATION_CLOSED, { current: 'closed' });
  }

  if (from.side === 'agent' && input.kind === 'text' && !input.force) {
    const phrases = await screenStaffMessage(db, text);
    if (phrases.length) {
      const r = await repeat();
      if (r) return r;
      // counted when the agent is warned (the supervisor's figure); sending anyway counts no more
      await db.transaction().execute((trx) =>
        recordPhraseWarning(trx, actor, now, {
          channel: 'live_help',
          subjectType: 'chat_conversation',
          subjectId: c.id,
          phrases: phrases.map((p) => p.phrase),
        }),
      );
      return { warning: phrases };
    }
  }
  try {
    // messages arriving together share a transaction and its statements (stored before the ack all the same)
    const stored = await groupCommitOf(db).add(c.id, SEND_KIND, {
      actor,
      now,
      message: {
        conversationId: c.id,
        author: from.side === 'citizen' ? 'citizen' : 'agent',
        authorId: from.side === 'agent' ? from.principal.id : null,
        kind: input.kind,
        text,
        clientId: input.clientId,
      },
      firstResponse: from.side === 'agent' && input.kind === 'text' ? { c, agentId: from.principal.id } : null,
    });
    onStored?.(stored, c);
    return { stored, repeated: false };
  } catch (err) {
    // the clientId stored before (a retry), or sent twice at once: the one stored answers
    if (isUniqueViolation(err)) {
      const r = await repeat();
      if (r) return r;
    }
    throw err;
  }
}

/** The first human response: stored once (conditional update), with an event saying whether it was in time. */
export async function markFirstResponse(
  trx: Trx,
  actor: Actor,
  now: Date,
  c: ConversationRow,
  agentId: string,
): Promise<void> {
  if (c.first_response_at) return;
  const res = await trx
    .updateTable('chat_conversations')
    .set({ first_response_at: now.toISOString() })
    .where('id', '=', c.id)
    .where('first_response_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return;
  await recordEvent(trx, actor, now, {
    type: 'livechat.first_responded',
    ...conversationSubject(c),
    data: {
      conversationId: c.id,
      number: c.number,
      agentId,
      withinDue: !c.first_response_due_at || now.toISOString() <= c.first_response_due_at,
    },
  });
}

/** The business agent holding a transferred conversation has not answered since it reached them. */
export function awaitsTransferResponse(c: ConversationRow, agentId: string): boolean {
  return c.status === 'transferred' && c.agent_id === agentId && !!c.transfer_due_at && !c.transfer_response_at;
}

/**
 * A business agent's first answer after a transfer stops their one-minute clock: stored once
 * (conditional update: still theirs, not answered yet), with an event saying whether it was in time.
 */
export async function markTransferResponse(
  trx: Trx,
  actor: Actor,
  now: Date,
  c: ConversationRow,
  agentId: string,
): Promise<void> {
  if (!awaitsTransferResponse(c, agentId)) return;
  const at = now.toISOString();
  const res = await trx
    .updateTable('chat_conversations')
    .set({ transfer_response_at: at })
    .where('id', '=', c.id)
    .where('status', '=', 'transferred')
    .where('agent_id', '=', agentId)
    .where('transfer_due_at', 'is not', null)
    .where('transfer_response_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return;
  await recordEvent(trx, actor, now, {
    type: 'livechat.first_responded',
    ...conversationSubject(c),
    data: { conversationId: c.id, number: c.number, agentId, withinDue: at <= c.transfer_due_at!, afterTransfer: true },
  });
}

/** Not part of the conversation (or no such conversation): one answer for both, nothing stored. */
export function notPart(): AppError {
  return new AppError('NOT_FOUND', {
    zh: `找不到该${CHAT_MACHINE.subject.zh}，或您不是它的参与者。`,
    en: `No such ${CHAT_MACHINE.subject.en}, or you are not part of it.`,
  });
}
