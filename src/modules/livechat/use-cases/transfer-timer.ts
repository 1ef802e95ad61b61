import { shanghaiDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import type { Trx } from '../../../platform/db/connect.js';
import type { ChatDeps } from '../chat-deps.js';
import type { ConversationRow } from '../livechat.repo.js';
import { conversationSubject } from '../livechat.events.js';
import { unlessRaced } from '../race.js';
import { businessAgentDue, departmentDue, nextBusinessAgent, passOnInDepartment } from './business-handoff.js';

/**
 * The business agent's response clock after a transfer, swept with the window agent's
 * (sweep-timers.ts, same warning time): warned once before `transfer_due_at` (warned_at, event →
 * their socket); when it lapses unanswered the breach is recorded (chat_breaches row + event:
 * supervisors alerted) and the conversation offered to another on-duty business agent of the
 * department who has not let it lapse, with a fresh clock, or else left with the department
 * (awaiting_department, due in one working day).
 */
/** The two response clocks of a chat: the window agent's first minute, the business agent's after a transfer. */
const CLOCKS = {
  window: { status: 'active', due: 'first_response_due_at', answered: 'first_response_at' },
  transfer: { status: 'transferred', due: 'transfer_due_at', answered: 'transfer_response_at' },
} as const;

/**
 * Warns the holder once (warned_at, conditional update) when `clock` has less than `warnBeforeMs`
 * left and no answer yet: the event reaches their socket (first_response_warning).
 */
export async function warnClock(
  deps: ChatDeps,
  now: Date,
  warnBeforeMs: number,
  clock: keyof typeof CLOCKS,
): Promise<string[]> {
  const { status, due: dueCol, answered } = CLOCKS[clock];
  const at = now.toISOString();
  const soon = new Date(now.getTime() + warnBeforeMs).toISOString();
  const due = await deps.db
    .selectFrom('chat_conversations')
    .select(['id', 'number', 'agent_id', 'department_id', dueCol])
    .where('status', '=', status)
    .where(answered, 'is', null)
    .where('warned_at', 'is', null)
    .where(dueCol, '<=', soon)
    .where(dueCol, '>', at)
    .limit(500)
    .execute();
  const warned: string[] = [];
  for (const c of due)
    await deps.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('chat_conversations')
        .set({ warned_at: at })
        .where('id', '=', c.id)
        .where('status', '=', status)
        .where('agent_id', '=', c.agent_id)
        .where('warned_at', 'is', null)
        .where(answered, 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return;
      const dueAt = (c as Record<typeof dueCol, string | null>)[dueCol]!;
      await recordEvent(trx, SYSTEM_ACTOR, now, {
        type: 'livechat.first_response_warning',
        ...clockSubject(c, clock),
        data: { ...clockData(c, dueAt, clock), agentId: c.agent_id! },
      });
      warned.push(c.id);
    });
  return warned;
}

/**
 * A clock that lapsed unanswered: the breach row (the supervisor's figures) and its event (the
 * supervisors' alert). The caller moves the conversation on in the same transaction.
 */
export async function recordBreach(
  trx: Trx,
  now: Date,
  c: ConversationRow,
  dueAt: string,
  clock: keyof typeof CLOCKS,
): Promise<void> {
  await trx
    .insertInto('chat_breaches')
    .values({
      id: newId(),
      conversation_id: c.id,
      agent_id: c.agent_id,
      due_at: dueAt,
      created_at: now.toISOString(),
      created_on: shanghaiDate(now),
    })
    .execute();
  await recordEvent(trx, SYSTEM_ACTOR, now, {
    type: 'livechat.first_response_breached',
    ...clockSubject(c, clock),
    data: { ...clockData(c, dueAt, clock), agentId: c.agent_id },
  });
}

export async function lapseTransferred(deps: ChatDeps, now: Date): Promise<string[]> {
  const at = now.toISOString();
  const lapsed = await deps.db
    .selectFrom('chat_conversations')
    .selectAll()
    .where('status', '=', 'transferred')
    .where('transfer_response_at', 'is', null)
    .where('transfer_due_at', '<=', at)
    .limit(500)
    .execute();
  const breached: string[] = [];
  const due = lapsed.length
    ? { agentDueAt: await businessAgentDue(deps, now), departmentDueAt: await departmentDue(deps, now) }
    : null;
  for (const c of lapsed) {
    const next = await nextBusinessAgent(deps.db, c);
    const done = await unlessRaced(() =>
      deps.db.transaction().execute(async (trx) => {
        // still this agent's, still unanswered: the mark that makes this run the only one
        const res = await trx
          .updateTable('chat_conversations')
          .set({ transfer_due_at: null })
          .where('id', '=', c.id)
          .where('status', '=', 'transferred')
          .where('agent_id', '=', c.agent_id)
          .where('transfer_due_at', '=', c.transfer_due_at)
          .where('transfer_response_at', 'is', null)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1)
          throw new AppError('CONFLICT', { zh: '会话已变化。', en: 'The conversation changed meanwhile.' });
        const row = { ...c, transfer_due_at: null };
        await recordBreach(trx, now, c, c.transfer_due_at!, 'transfer');
        await passOnInDepartment(trx, SYSTEM_ACTOR, now, row, next, due!);
      }),
    );
    if (done) breached.push(c.id);
  }
  return breached;
}

/** A clock event's subject: the conversation; after a transfer, the department that holds it. */
function clockSubject(c: ClockRow, clock: keyof typeof CLOCKS) {
  return { ...conversationSubject(c), ...(clock === 'transfer' ? { departmentId: c.department_id } : {}) };
}

/** The data a clock's warning and breach events share. */
function clockData(c: ClockRow, dueAt: string, clock: keyof typeof CLOCKS) {
  return { conversationId: c.id, number: c.number, dueAt, ...(clock === 'transfer' ? { afterTransfer: true } : {}) };
}

type ClockRow = Pick<ConversationRow, 'id' | 'number' | 'department_id'>;
