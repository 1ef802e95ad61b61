import type { DbOrTrx } from '../../../platform/db/connect.js';
import {
  addDays,
  isWorkingDay,
  shanghaiDate,
  type HolidayCalendar,
  type ServiceHours,
} from '../../../platform/calendar/index.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { hasRole } from '../../../platform/policy/principal.js';
import type { DepartmentScope } from '../../org/org.policy.js';
import type { TDutyMe, TDutyRecords, TRoster } from '../../../contracts/duty.js';
import type { DutyReason, DutyStatus } from '../../../contracts/enums/duty.js';
import { dutyCandidates, staffByIds } from '../duty.repo.js';
import { signInBlocked } from '../duty-times.js';

/** The duty switch's view: my status, today's roster and hours, and whether I can sign in now. */
export async function readMyDuty(
  db: DbOrTrx,
  p: Principal,
  now: Date,
  cal: HolidayCalendar,
  hours: ServiceHours,
): Promise<TDutyMe> {
  const today = shanghaiDate(now);
  const state = await db
    .selectFrom('duty_states')
    .leftJoin('duty_records', 'duty_records.id', 'duty_states.record_id')
    .select(['duty_states.status', 'duty_states.since', 'duty_records.late_minutes'])
    .where('duty_states.id', '=', p.id)
    .executeTakeFirst();
  const rostered = await db
    .selectFrom('duty_roster')
    .select('user_id')
    .where('date', '=', today)
    .where('user_id', '=', p.id)
    .executeTakeFirst();
  const blocked = signInBlocked(cal, hours, now, today);
  const status = (state?.status ?? 'off') as DutyStatus;
  const agent = hasRole(p, 'window_agent', 'business_agent');
  const reason = !agent
    ? { zh: '只有窗口客服和业务客服签到在线帮办。', en: 'Only window and business agents sign in to live help.' }
    : (blocked?.reason ?? null);
  return {
    status,
    since: status === 'on' ? (state?.since ?? null) : null,
    lateMinutes: status === 'on' ? (state?.late_minutes ?? 0) : 0,
    today,
    workingDay: isWorkingDay(cal, today),
    rosteredToday: !!rostered,
    hours: hours.periods,
    withinHours: !blocked,
    canSignIn: agent && !blocked && status === 'off',
    reason: status === 'on' ? null : reason,
    nextOpening: (blocked?.nextOpening ?? now).toISOString(),
  };
}

/** The roster of each date in the range (staff in the reader's scope) and who can be rostered. */
export async function readRoster(
  db: DbOrTrx,
  scope: DepartmentScope,
  cal: HolidayCalendar,
  from: string,
  to: string,
): Promise<TRoster> {
  const candidates = await dutyCandidates(db, scope);
  const rows = await db
    .selectFrom('duty_roster')
    .select(['date', 'user_id'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
  const staff = await staffByIds(
    db,
    rows.map((r) => r.user_id),
  );
  const days: TRoster['days'] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    days.push({
      date: d,
      workingDay: isWorkingDay(cal, d),
      staff: rows
        .filter((r) => r.date === d)
        .map((r) => staff.get(r.user_id)!)
        .filter((s) => s && (scope.all || s.departmentId === scope.departmentId)),
    });
  }
  return { days, candidates };
}

/**
 * Sign-in records of the range for the supervisor, each with its stored late / early minutes,
 * the rostered staff who never signed in on a day, and who is signed in now.
 */
export async function readDutyRecords(
  db: DbOrTrx,
  scope: DepartmentScope,
  from: string,
  to: string,
  today: string,
): Promise<TDutyRecords> {
  const inScope = (departmentId: string | null) => scope.all || departmentId === scope.departmentId;
  const records = await db
    .selectFrom('duty_records')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('signed_in_at', 'desc')
    .limit(2000)
    .execute();
  const roster = await db
    .selectFrom('duty_roster')
    .select(['date', 'user_id'])
    .where('date', '>=', from)
    .where('date', '<=', to < today ? to : today)
    .execute();
  const on = await db.selectFrom('duty_states').select(['id', 'since']).where('status', '=', 'on').execute();
  const staff = await staffByIds(db, [
    ...records.map((r) => r.user_id),
    ...roster.map((r) => r.user_id),
    ...on.map((r) => r.id),
  ]);
  const signedIn = new Set(records.map((r) => `${r.date}|${r.user_id}`));
  return {
    items: records
      .filter((r) => inScope(r.department_id))
      .map((r) => ({
        ...staff.get(r.user_id)!,
        id: r.id,
        date: r.date,
        rostered: r.rostered === 1,
        signedInAt: r.signed_in_at,
        lateMinutes: r.late_minutes,
        signedOutAt: r.signed_out_at,
        signOutReason: r.sign_out_reason as DutyReason | null,
        earlyMinutes: r.early_minutes,
      })),
    absent: roster
      .filter((r) => !signedIn.has(`${r.date}|${r.user_id}`))
      .map((r) => ({ ...staff.get(r.user_id)!, date: r.date }))
      .filter((s) => inScope(s.departmentId))
      .sort((a, b) => a.date.localeCompare(b.date)),
    onDuty: on.map((r) => ({ ...staff.get(r.id)!, since: r.since ?? '' })).filter((s) => inScope(s.departmentId)),
  };
}
