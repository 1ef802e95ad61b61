import type { Trx } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { authorize } from '../../../platform/policy/authorize.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import type { ChatOutcome } from '../../../contracts/enums/livechat.js';
import type { TCloseChat } from '../../../contracts/livechat.js';
import { appendMessage } from '../append-message.js';
import type { ChatDeps } from '../chat-deps.js';
import { accessOf, requireConversation, type ConversationRow } from '../livechat.repo.js';
import { livechatPolicy } from '../livechat.policy.js';
import { CHAT_MACHINE } from '../transitions.js';
import { notPart } from './send-message.js';
import { conversationSubject } from '../livechat.events.js';

const CLOSING_TEXT: Record<ChatOutcome, string> = {
  answered: '本次人工服务已结束，感谢您的咨询，欢迎对本次服务进行评价。',
  pushed_to_hotline: '您的问题已转交热线办处理，工作人员将与您联系。感谢您的耐心。',
  referred_12345: '您咨询的事项不属于本局职能，请拨打 12345 市民服务热线或登录“一网通办”12345 频道咨询。',
  citizen_left: '您已结束本次人工服务。',
  out_of_hours: '人工服务时间已结束。如问题尚未解决，您可以留言，我们将在工作时间回电。',
  no_reply: '由于长时间未收到您的回复，本次会话已结束。',
};

/**
 * Ends a conversation with its outcome, telling the citizen (a system message). Runs in the
 * caller's transaction; `by` is the staff member closing it (null: the citizen or the system).
 */
export async function closeWith(
  trx: Trx,
  actor: Actor,
  now: Date,
  c: ConversationRow,
  outcome: ChatOutcome,
  by: string | null,
): Promise<void> {
  const at = now.toISOString();
  await transition(trx, CHAT_MACHINE, {
    id: c.id,
    action: 'close',
    actor,
    now,
    row: c,
    set: () => ({ outcome, closed_at: at, closed_by: by, agent_id: c.agent_id, updated_at: at }),
    event: () => ({
      type: 'livechat.closed',
      ...conversationSubject(c),
      departmentId: c.department_id,
      data: {
        conversationId: c.id,
        number: c.number,
        from: c.status,
        to: 'closed',
        agentId: null,
        previousAgentId: c.agent_id,
        outcome,
      },
    }),
  });
  await appendMessage(trx, actor, now, {
    conversationId: c.id,
    author: 'system',
    authorId: null,
    kind: 'text',
    text: CLOSING_TEXT[outcome],
  });
}

/**
 * The agent holding the conversation closes it: answered, pushed to the hotline office (a case the
 * work-order module will dispatch: stored here with an event) or referred to 12345.
 */
export async function closeConversation(
  deps: ChatDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  input: TCloseChat,
): Promise<void> {
  const c = await requireConversation(deps.db, id);
  const access = await accessOf(deps.db, c);
  if (!livechatPolicy.read(p, access)) throw notPart();
  authorize(p, livechatPolicy.act, access);
  await deps.db.transaction().execute(async (trx) => {
    await closeWith(trx, actor, now, c, input.outcome, p.id);
    if (input.outcome === 'pushed_to_hotline') {
      const caseId = newId();
      await trx
        .insertInto('chat_hotline_cases')
        .values({
          id: caseId,
          conversation_id: c.id,
          note: input.note?.trim() || c.topic,
          status: 'pending',
          created_by: p.id,
          created_at: now.toISOString(),
        })
        .execute();
      await recordEvent(trx, actor, now, {
        type: 'livechat.pushed_to_hotline',
        ...conversationSubject(c),
        data: { conversationId: c.id, number: c.number, caseId },
      });
    }
  });
}

/** The citizen leaves: the conversation ends (citizen_left) wherever it was. */
export async function endByCitizen(deps: ChatDeps, actor: Actor, now: Date, c: ConversationRow): Promise<void> {
  if (c.status === 'closed')
    throw new AppError(
      'INVALID_TRANSITION',
      { zh: '会话已结束。', en: 'The conversation has already ended.' },
      {
        current: 'closed',
      },
    );
  await deps.db.transaction().execute((trx) => closeWith(trx, actor, now, c, 'citizen_left', null));
}
