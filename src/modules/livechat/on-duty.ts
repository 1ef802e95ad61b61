import type { DbOrTrx } from '../../platform/db/connect.js';
import { SESSION_IDLE_MS } from '../../platform/auth/sessions.js';

/** A staff member signed in to live help (the shape of the duty module's `listOnDuty`). */
export interface OnDutyStaff {
  userId: string;
  displayName: string;
  workNumber: string | null;
  departmentId: string | null;
}

export type DutyRole = 'window_agent' | 'business_agent';

/**
 * Who is on live-help duty right now: the ONE place livechat asks (routing, transfer, the wall).
 *
 * TEMPORARY until the duty module (branch `duty`, `src/modules/duty/duty.queries.ts`) is merged:
 * a staff member of the role with a live session counts as signed in. On merge, the body becomes
 * `return listOnDuty(db, { role, departmentId })` (and `now` is no longer needed).
 */
export async function staffOnDuty(
  db: DbOrTrx,
  now: Date,
  role: DutyRole,
  departmentId?: string | null,
): Promise<OnDutyStaff[]> {
  let q = db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'users.department_id'])
    .where('user_roles.role', '=', role)
    .where('users.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('sessions')
          .select('sessions.id')
          .whereRef('sessions.user_id', '=', 'users.id')
          .where('sessions.expires_at', '>', now.toISOString())
          .where('sessions.last_seen_at', '>', new Date(now.getTime() - SESSION_IDLE_MS).toISOString()),
      ),
    );
  if (departmentId) q = q.where('users.department_id', '=', departmentId);
  const rows = await q.orderBy('users.id').execute();
  return rows.map((r) => ({
    userId: r.id,
    displayName: r.display_name,
    workNumber: null,
    departmentId: r.department_id,
  }));
}
