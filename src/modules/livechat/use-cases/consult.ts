import type { Db, DbOrTrx } from '../../../platform/db/connect.js';
import { isUniqueViolation } from '../../../platform/db/constraint.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { authorize } from '../../../platform/policy/authorize.js';
import type { Principal } from '../../../platform/policy/principal.js';
import type { TChatConsult, TStartConsult } from '../../../contracts/livechat.js';
import { accessOf, departmentName, requireConversation, staffByIds } from '../livechat.repo.js';
import { livechatPolicy } from '../livechat.policy.js';
import { notPart } from './send-message.js';
import { conversationSubject } from '../livechat.events.js';

const CONSULT = { zh: '内部会商', en: 'consultation' };

/**
 * Staff-only side consultation (seed art. 7: a liaison mechanism): the agent holding a
 * conversation asks a department's business agents or one colleague, without transferring the
 * citizen. Threads are never shown to the citizen; each message records `livechat.consult_posted`
 * (no text), which pushes the thread to the participants' sockets on every node.
 */
export async function startConsult(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  conversationId: string,
  input: TStartConsult,
): Promise<string> {
  const c = await requireConversation(db, conversationId);
  const access = await accessOf(db, c);
  if (!livechatPolicy.read(p, access)) throw notPart();
  authorize(p, livechatPolicy.act, access);
  if (input.departmentId && !(await departmentName(db, input.departmentId)))
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '所选部门不存在。', en: 'No such department.' },
      { field: 'departmentId' },
    );
  if (input.userId) {
    const u = await db
      .selectFrom('users')
      .select('id')
      .where('id', '=', input.userId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (!u || u.id === p.id)
      throw new AppError(
        'VALIDATION_FAILED',
        { zh: '请选择一位同事。', en: 'Choose a colleague.' },
        { field: 'userId' },
      );
  }
  const id = newId();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('chat_consults')
      .values({
        id,
        conversation_id: c.id,
        from_user_id: p.id,
        department_id: input.departmentId ?? null,
        user_id: input.userId ?? null,
        created_at: at,
      })
      .execute();
    await trx
      .insertInto('chat_consult_messages')
      .values({ id: newId(), consult_id: id, seq: 1, author_id: p.id, text: input.text, created_at: at })
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'livechat.consult_posted',
      ...conversationSubject(c),
      departmentId: input.departmentId ?? null,
      data: { conversationId: c.id, consultId: id },
    });
  });
  return id;
}

/** A reply in a consultation, by anyone taking part in it (asker, holder, consulted). */
export async function replyConsult(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  consultId: string,
  text: string,
): Promise<void> {
  const k = await db.selectFrom('chat_consults').selectAll().where('id', '=', consultId).executeTakeFirst();
  if (!k) throw notFound(CONSULT);
  const c = await requireConversation(db, k.conversation_id);
  if (!mayConsult(p, k, c.agent_id)) throw notFound(CONSULT);
  const write = () =>
    db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('chat_consult_messages')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('consult_id', '=', k.id)
        .executeTakeFirst();
      await trx
        .insertInto('chat_consult_messages')
        .values({
          id: newId(),
          consult_id: k.id,
          seq: Number(last?.seq ?? 0) + 1,
          author_id: p.id,
          text,
          created_at: now.toISOString(),
        })
        .execute();
      await recordEvent(trx, actor, now, {
        type: 'livechat.consult_posted',
        ...conversationSubject(c),
        departmentId: k.department_id,
        data: { conversationId: c.id, consultId: k.id },
      });
    });
  // two replies at once may take the same seq: the loser writes again after the winner
  try {
    await write();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await write();
  }
}

interface ConsultRow {
  from_user_id: string;
  department_id: string | null;
  user_id: string | null;
}

/** Who takes part in one consultation: the asker, the conversation's holder, the consulted colleague or department. */
export function mayConsult(p: Principal, k: ConsultRow, holderId: string | null): boolean {
  return (
    p.id === k.from_user_id ||
    p.id === holderId ||
    p.id === k.user_id ||
    (k.department_id !== null && p.departmentId === k.department_id && p.roles.includes('business_agent'))
  );
}

/** Consultations as the API shows them (threads with their messages), oldest first. */
export async function presentConsults(db: DbOrTrx, ids: string[]): Promise<TChatConsult[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('chat_consults')
    .innerJoin('chat_conversations', 'chat_conversations.id', 'chat_consults.conversation_id')
    .selectAll('chat_consults')
    .select('chat_conversations.number')
    .where('chat_consults.id', 'in', ids)
    .orderBy('chat_consults.created_at')
    .execute();
  const msgs = await db
    .selectFrom('chat_consult_messages')
    .selectAll()
    .where('consult_id', 'in', ids)
    .orderBy('consult_id')
    .orderBy('seq')
    .execute();
  const staff = await staffByIds(db, [
    ...rows.flatMap((r) => [r.from_user_id, r.user_id]),
    ...msgs.map((m) => m.author_id),
  ]);
  const who = (id: string | null) => (id ? (staff.get(id) ?? { displayName: '?', workNumber: null }) : null);
  const out: TChatConsult[] = [];
  for (const r of rows)
    out.push({
      id: r.id,
      conversationId: r.conversation_id,
      conversationNumber: r.number,
      from: who(r.from_user_id)!,
      fromUserId: r.from_user_id,
      departmentId: r.department_id,
      department: await departmentName(db, r.department_id),
      toUserId: r.user_id,
      to: who(r.user_id),
      createdAt: r.created_at,
      messages: msgs
        .filter((m) => m.consult_id === r.id)
        .map((m) => ({ id: m.id, authorId: m.author_id, author: who(m.author_id)!, text: m.text, at: m.created_at })),
    });
  return out;
}

/** The consultations a staff member takes part in (asked, consulted, or about a conversation they hold). */
export async function consultsFor(db: Db, p: Principal, conversationId?: string): Promise<TChatConsult[]> {
  let q = db
    .selectFrom('chat_consults')
    .innerJoin('chat_conversations', 'chat_conversations.id', 'chat_consults.conversation_id')
    .select('chat_consults.id')
    .where((eb) =>
      eb.or([
        eb('chat_consults.from_user_id', '=', p.id),
        eb('chat_consults.user_id', '=', p.id),
        eb('chat_conversations.agent_id', '=', p.id),
        ...(p.departmentId && p.roles.includes('business_agent')
          ? [eb('chat_consults.department_id', '=', p.departmentId)]
          : []),
      ]),
    );
  if (conversationId) q = q.where('chat_consults.conversation_id', '=', conversationId);
  const ids = await q.orderBy('chat_consults.created_at', 'desc').limit(100).execute();
  return presentConsults(
    db,
    ids.map((r) => r.id),
  );
}
