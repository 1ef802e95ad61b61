import type { Db } from '../../../platform/db/connect.js';
import type { Actor } from '../../../platform/events/record-event.js';
import type { HolidayCalendar, ServiceHours } from '../../../platform/calendar/index.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import type { DutyReason } from '../../../contracts/enums/duty.js';
import { earlyMinutes } from '../duty-times.js';
import { DUTY_MACHINE } from '../transitions.js';

/**
 * Signs an agent out of live-help duty: by themselves, by a supervisor, or by the end-of-hours
 * sweep. A rostered agent's own early sign-out stores the staffed minutes left in the day (签出
 * early); the sweep's never counts as early. Of two concurrent sign-outs one wins, the other gets
 * 409 and writes nothing (livechat hands the chats over once, on the one `duty.signed_out`).
 */
export async function signOut(
  db: Db,
  actor: Actor,
  now: Date,
  cal: HolidayCalendar,
  hours: ServiceHours,
  input: { userId: string; reason: DutyReason },
): Promise<{ earlyMinutes: number }> {
  return db.transaction().execute(async (trx) => {
    const state = await trx.selectFrom('duty_states').selectAll().where('id', '=', input.userId).executeTakeFirst();
    const row = state ?? { id: input.userId, status: 'off', record_id: null, since: null, updated_at: '' };
    const record = row.record_id
      ? await trx.selectFrom('duty_records').selectAll().where('id', '=', row.record_id).executeTakeFirst()
      : undefined;
    const early =
      record && record.rostered === 1 && input.reason !== 'end_of_hours'
        ? earlyMinutes(cal, hours, record.date, now)
        : 0;
    const user = await trx
      .selectFrom('users')
      .select(['department_id', 'display_name', 'work_number'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    await transition(trx, DUTY_MACHINE, {
      id: input.userId,
      action: 'sign_out',
      actor,
      now,
      row,
      set: () => ({ record_id: null, since: null, updated_at: now.toISOString() }),
      event: () => ({
        type: 'duty.signed_out',
        subjectType: 'user',
        subjectId: input.userId,
        subjectLabel: user
          ? user.work_number
            ? `${user.display_name}（${user.work_number}）`
            : user.display_name
          : null,
        departmentId: user?.department_id ?? null,
        data: { userId: input.userId, reason: input.reason, recordId: record?.id ?? '', earlyMinutes: early },
      }),
    });
    if (record)
      await trx
        .updateTable('duty_records')
        .set({ signed_out_at: now.toISOString(), sign_out_reason: input.reason, early_minutes: early })
        .where('id', '=', record.id)
        .where('signed_out_at', 'is', null)
        .execute();
    return { earlyMinutes: early };
  });
}
