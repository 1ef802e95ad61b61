import type { DbOrTrx } from '../../platform/db/connect.js';
import type { DutyRole } from '../../contracts/enums/duty.js';

/** A member of staff signed in to live help now, as livechat routes to them and shows them to citizens. */
export interface OnDutyAgent {
  userId: string;
  displayName: string;
  workNumber: string | null;
  departmentId: string | null;
  /** when this agent signed in */
  since: string | null;
}

/**
 * Staff signed in to live help right now with `role` (and in `departmentId` when given), active
 * accounts only. The one "who is on duty" query livechat routes with.
 */
export async function listOnDuty(
  db: DbOrTrx,
  { role, departmentId }: { role: DutyRole; departmentId?: string },
): Promise<OnDutyAgent[]> {
  let q = db
    .selectFrom('duty_states')
    .innerJoin('users', 'users.id', 'duty_states.id')
    .where('duty_states.status', '=', 'on')
    .where('users.status', '=', 'active')
    .where('users.id', 'in', db.selectFrom('user_roles').select('user_id').where('role', '=', role));
  if (departmentId) q = q.where('users.department_id', '=', departmentId);
  const rows = await q
    .select(['users.id', 'users.display_name', 'users.work_number', 'users.department_id', 'duty_states.since'])
    .orderBy('duty_states.since')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    displayName: r.display_name,
    workNumber: r.work_number,
    departmentId: r.department_id,
    since: r.since,
  }));
}

/** Whether this user is signed in to live help right now. */
export async function isOnDuty(db: DbOrTrx, userId: string): Promise<boolean> {
  const row = await db.selectFrom('duty_states').select('status').where('id', '=', userId).executeTakeFirst();
  return row?.status === 'on';
}
