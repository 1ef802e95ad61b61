import type { DbOrTrx } from '../../platform/db/connect.js';
import { listOnDuty, type OnDutyAgent } from '../duty/duty.queries.js';

export type OnDutyStaff = OnDutyAgent;
export type DutyRole = 'window_agent' | 'business_agent';

/**
 * Who is on live-help duty right now (signed in with the duty module): the ONE place livechat
 * asks — routing, transfer, the queue estimate and the wall.
 */
export async function staffOnDuty(db: DbOrTrx, role: DutyRole, departmentId?: string | null): Promise<OnDutyStaff[]> {
  return listOnDuty(db, { role, departmentId: departmentId ?? undefined });
}
