import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { shanghaiDate, type HolidayCalendar, type ServiceHours } from '../../../platform/calendar/index.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import { lateMinutes, signInBlocked } from '../duty-times.js';
import { DUTY_MACHINE } from '../transitions.js';

/**
 * An agent signs in to live-help duty (seed art. 7 按时签录), only inside live-help hours. The
 * sign-in record stores whether they were rostered today and, for the day's first sign-in of a
 * rostered agent, how many staffed minutes late it was. Signing in twice answers 409.
 */
export async function signIn(
  db: Db,
  actor: Actor & { userId: string },
  now: Date,
  cal: HolidayCalendar,
  hours: ServiceHours,
): Promise<{ recordId: string; lateMinutes: number }> {
  const date = shanghaiDate(now);
  const blocked = signInBlocked(cal, hours, now, date);
  if (blocked)
    throw new AppError('CONFLICT', blocked.reason, {
      reason: 'outside_hours',
      nextOpening: blocked.nextOpening.toISOString(),
    });
  const userId = actor.userId;
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('duty_states')
      .values({ id: userId, status: 'off', record_id: null, since: null, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const user = await trx
      .selectFrom('users')
      .select(['department_id', 'display_name', 'work_number'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const rostered = !!(await trx
      .selectFrom('duty_roster')
      .select('user_id')
      .where('date', '=', date)
      .where('user_id', '=', userId)
      .executeTakeFirst());
    const earlier = await trx
      .selectFrom('duty_records')
      .select('id')
      .where('user_id', '=', userId)
      .where('date', '=', date)
      .executeTakeFirst();
    const late = rostered && !earlier ? lateMinutes(cal, hours, date, now) : 0;
    const recordId = newId();
    await trx
      .insertInto('duty_records')
      .values({
        id: recordId,
        user_id: userId,
        department_id: user.department_id,
        date,
        rostered: rostered ? 1 : 0,
        signed_in_at: now.toISOString(),
        late_minutes: late,
        signed_out_at: null,
        sign_out_reason: null,
        early_minutes: null,
      })
      .execute();
    await transition(trx, DUTY_MACHINE, {
      id: userId,
      action: 'sign_in',
      actor,
      now,
      set: () => ({ record_id: recordId, since: now.toISOString(), updated_at: now.toISOString() }),
      event: () => ({
        type: 'duty.signed_in',
        subjectType: 'user',
        subjectId: userId,
        subjectLabel: user.work_number ? `${user.display_name}（${user.work_number}）` : user.display_name,
        departmentId: user.department_id,
        data: { userId, reason: 'self', recordId, rostered, lateMinutes: late },
      }),
    });
    return { recordId, lateMinutes: late };
  });
}
