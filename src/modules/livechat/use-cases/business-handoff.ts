import { addWorkingDays } from '../../../platform/calendar/index.js';
import type { DbOrTrx, Trx } from '../../../platform/db/connect.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import { appendMessage } from '../append-message.js';
import type { ChatDeps } from '../chat-deps.js';
import { firstResponseDue } from '../live-hours.js';
import { departmentName, openLoad, type ConversationRow } from '../livechat.repo.js';
import { staffOnDuty, type OnDutyStaff } from '../on-duty.js';
import { CHAT_MACHINE } from '../transitions.js';
import { conversationSubject } from '../livechat.events.js';

/** A department's question with no business agent on duty is answered within this many working days. */
export const DEPARTMENT_WORKING_DAYS = 1;

/**
 * The on-duty business agent of `departmentId` with the fewest open chats, leaving out `exclude`
 * (the one transferring, agents who already let this conversation's minute lapse); null if none.
 */
export async function pickBusinessAgent(
  db: DbOrTrx,
  departmentId: string,
  exclude: string[],
): Promise<OnDutyStaff | null> {
  const agents = (await staffOnDuty(db, 'business_agent', departmentId)).filter((a) => !exclude.includes(a.userId));
  const load = await openLoad(
    db,
    agents.map((a) => a.userId),
  );
  return agents.sort((a, b) => (load.get(a.userId) ?? 0) - (load.get(b.userId) ?? 0))[0] ?? null;
}

/** When a department without a business agent on duty must answer: one working day, by close of business. */
export async function departmentDue(deps: ChatDeps, now: Date): Promise<string> {
  const cal = await deps.workingTime.getCalendar();
  return addWorkingDays(cal, now, DEPARTMENT_WORKING_DAYS, await deps.workingTime.closeOfBusiness()).toISOString();
}

/**
 * When a business agent must first answer a conversation handed to them: one working minute of
 * live-help hours, like the window agent (seed art. 7: 线上人工帮办客服人员 — window and business
 * agents alike — 1分钟内及时响应).
 */
export function businessAgentDue(deps: ChatDeps, now: Date): Promise<string> {
  return firstResponseDue(deps.workingTime, now);
}

/**
 * Gives the conversation to business agent `agentId` of `departmentId` (a window agent's transfer,
 * or the system's re-offer after a business agent let the minute lapse) with their response clock
 * (`dueAt`, stored; the warning mark cleared). They join its holders.
 */
export async function giveToBusinessAgent(
  trx: Trx,
  actor: Actor,
  now: Date,
  c: ConversationRow,
  departmentId: string,
  agentId: string,
  dueAt: string,
): Promise<void> {
  const at = now.toISOString();
  await transition(trx, CHAT_MACHINE, {
    id: c.id,
    action: c.status === 'transferred' ? 'reoffer' : 'transfer',
    actor,
    now,
    row: c,
    set: () => ({
      agent_id: agentId,
      department_id: departmentId,
      department_due_at: null,
      transfer_due_at: dueAt,
      transfer_response_at: null,
      warned_at: null,
      updated_at: at,
    }),
    event: () => ({
      type: 'livechat.transferred',
      ...conversationSubject(c),
      departmentId,
      data: {
        conversationId: c.id,
        number: c.number,
        from: c.status,
        to: 'transferred',
        agentId,
        departmentId,
        dueAt,
      },
    }),
  });
  await trx
    .insertInto('chat_holders')
    .values({ conversation_id: c.id, user_id: agentId, since: at })
    .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
    .execute();
}

/**
 * Leaves the conversation with its department (no business agent to hold it): listed for the
 * department's business agents, answered by `dueAt`; no agent's response clock runs.
 */
export async function leaveWithDepartment(
  trx: Trx,
  actor: Actor,
  now: Date,
  c: ConversationRow,
  departmentId: string,
  dueAt: string,
): Promise<void> {
  await transition(trx, CHAT_MACHINE, {
    id: c.id,
    action: 'await_department',
    actor,
    now,
    row: c,
    set: () => ({
      agent_id: null,
      department_id: departmentId,
      department_due_at: dueAt,
      department_overdue_at: null,
      transfer_due_at: null,
      warned_at: null,
      updated_at: now.toISOString(),
    }),
    event: () => ({
      type: 'livechat.awaiting_department',
      ...conversationSubject(c),
      departmentId,
      data: {
        conversationId: c.id,
        number: c.number,
        from: c.status,
        to: 'awaiting_department',
        agentId: null,
        departmentId,
        dueAt,
      },
    }),
  });
}

/**
 * The business agent a conversation held by one is passed on to (its holder let the minute lapse or
 * signed out): another on-duty business agent of its department with the fewest open chats, leaving
 * out the holder and everyone who already let this conversation's minute lapse; null if none.
 */
export async function nextBusinessAgent(db: DbOrTrx, c: ConversationRow): Promise<OnDutyStaff | null> {
  const lapsedBefore = await db
    .selectFrom('chat_breaches')
    .select('agent_id')
    .where('conversation_id', '=', c.id)
    .execute();
  const exclude = [c.agent_id!, ...lapsedBefore.flatMap((b) => (b.agent_id ? [b.agent_id] : []))];
  return pickBusinessAgent(db, c.department_id!, exclude);
}

/**
 * Passes a conversation its business agent no longer holds to `next` of the same department with a
 * fresh response clock (`agentDueAt`, as a transfer), or with no one left to the department's wait
 * (`departmentDueAt`, one working day), and tells the citizen which.
 */
export async function passOnInDepartment(
  trx: Trx,
  actor: Actor,
  now: Date,
  c: ConversationRow,
  next: OnDutyStaff | null,
  due: { agentDueAt: string; departmentDueAt: string },
): Promise<void> {
  const departmentId = c.department_id!;
  const dept = await departmentName(trx, departmentId);
  if (next) await giveToBusinessAgent(trx, actor, now, c, departmentId, next.userId, due.agentDueAt);
  else await leaveWithDepartment(trx, actor, now, c, departmentId, due.departmentDueAt);
  await appendMessage(trx, actor, now, {
    conversationId: c.id,
    author: 'system',
    authorId: null,
    kind: 'text',
    text: next
      ? `正在为您转接${dept?.zh ?? ''}的另一位业务客服，请稍候。`
      : `${dept?.zh ?? '业务部门'}的业务客服暂时无法接待，将在 ${DEPARTMENT_WORKING_DAYS} 个工作日内答复，您可留在此页或稍后用会话编号 ${c.number} 查询。`,
  });
}
