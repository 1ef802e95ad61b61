import { addWorkingDays } from '../../platform/calendar/index.js';
import { shanghaiMidnight } from '../../platform/calendar/shanghai-time.js';
import type { DeadlineRecomputer } from '../calendar/deadline-recomputers.js';
import { DEPARTMENT_WORKING_DAYS } from './use-cases/business-handoff.js';

/**
 * Conversations waiting for a department keep a due time of one working day from when they were
 * handed over (updated_at); a holiday change moves it like every stored deadline.
 */
export const recomputeDepartmentDeadlines: DeadlineRecomputer = async (trx, { calendar, closeOfBusiness, changed }) => {
  const rows = await trx
    .selectFrom('chat_conversations')
    .select(['id', 'updated_at', 'department_due_at'])
    .where('status', '=', 'awaiting_department')
    .where('department_due_at', '>=', new Date(shanghaiMidnight(changed.from)).toISOString())
    .execute();
  let moved = 0;
  for (const r of rows) {
    const due = addWorkingDays(
      calendar,
      new Date(r.updated_at),
      DEPARTMENT_WORKING_DAYS,
      closeOfBusiness,
    ).toISOString();
    if (due === r.department_due_at) continue;
    await trx.updateTable('chat_conversations').set({ department_due_at: due }).where('id', '=', r.id).execute();
    moved++;
  }
  return moved;
};
