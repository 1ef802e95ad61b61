import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { addDays, dayOfWeek, isWorkingDay, type HolidayCalendar } from '../../../platform/calendar/index.js';
import type { DepartmentScope } from '../../org/org.policy.js';
import { dutyCandidates } from '../duty.repo.js';
import type { TSetRoster } from '../duty.schemas.js';

/** The working days from `from` to `to` (make-up workdays included), filtered by weekday when given. */
export function rosterDates(cal: HolidayCalendar, from: string, to: string, weekdays?: number[]): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!isWorkingDay(cal, d)) continue;
    if (weekdays && !weekdays.includes(dayOfWeek(d))) continue;
    out.push(d);
  }
  return out;
}

/**
 * The supervisor puts staff on live help: every working day of the range (matching the weekday
 * pattern) gets exactly the chosen agents. Only active window and business agents in the editor's
 * scope can be rostered; anyone else is refused with 404 and nothing changes.
 */
export async function setRoster(
  db: Db,
  actor: Actor,
  now: Date,
  cal: HolidayCalendar,
  scope: DepartmentScope,
  input: TSetRoster,
): Promise<{ days: number }> {
  const userIds = [...new Set(input.userIds)];
  const dates = rosterDates(cal, input.from, input.to, input.weekdays);
  return db.transaction().execute(async (trx) => {
    const candidates = new Set((await dutyCandidates(trx, scope)).map((c) => c.userId));
    const unknown = userIds.filter((id) => !candidates.has(id));
    if (unknown.length)
      throw new AppError(
        'NOT_FOUND',
        { zh: '所选人员不存在或不是可值班的客服。', en: 'A chosen person does not exist or is not an agent on duty.' },
        { userIds: unknown },
      );
    for (const date of dates) {
      let del = trx.deleteFrom('duty_roster').where('date', '=', date);
      // an editor limited to a department leaves the other departments' rostered staff alone
      if (!scope.all)
        del = del.where('user_id', 'in', (eb) =>
          eb
            .selectFrom('users')
            .select('id')
            .where('department_id', '=', scope.departmentId ?? ''),
        );
      await del.execute();
      if (userIds.length)
        await trx
          .insertInto('duty_roster')
          .values(userIds.map((u) => ({ date, user_id: u, created_by: actor.userId, created_at: now.toISOString() })))
          .execute();
    }
    await recordEvent(trx, actor, now, {
      type: 'duty.roster_changed',
      subjectType: 'duty_roster',
      subjectId: `${input.from}..${input.to}`,
      subjectLabel: `${input.from} – ${input.to}`,
      data: { from: input.from, to: input.to, weekdays: input.weekdays ?? null, days: dates.length, userIds },
    });
    return { days: dates.length };
  });
}
