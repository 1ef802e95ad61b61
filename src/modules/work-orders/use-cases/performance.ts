import { sql } from 'kysely';
import type { Db } from '../../../platform/db/connect.js';
import type { TWorkOrderPerformance } from '../../../contracts/work-orders.js';

/**
 * Department performance for the hotline review (seed art. 13: 办理情况纳入局热线工作绩效考核): per
 * handling department and month of receipt (created_on), orders received, replied, on time, overdue,
 * extended, called back and satisfied; returns are counted from the `work_order.returned` events of
 * the department that returned (the order itself has left it).
 */
export async function departmentPerformance(db: Db, from: string, to: string): Promise<TWorkOrderPerformance> {
  const month = sql<string>`substr(created_on, 1, 7)`;
  const rows = await db
    .selectFrom('work_orders')
    .select([
      'department_id',
      month.as('month'),
      sql<number>`count(*)`.as('received'),
      sql<number>`count(replied_at)`.as('replied'),
      sql<number>`sum(case when on_time = 1 then 1 else 0 end)`.as('on_time'),
      sql<number>`sum(case when overdue_at is not null or on_time = 0 then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(extended)`.as('extended'),
      sql<number>`count(satisfaction)`.as('called_back'),
      sql<number>`sum(case when satisfaction >= 4 then 1 else 0 end)`.as('satisfied'),
    ])
    .where('created_on', '>=', `${from}-01`)
    .where('created_on', '<=', `${to}-31`)
    .groupBy(['department_id', month])
    .execute();
  const returns = await db
    .selectFrom('events')
    .select(['department_id', month.as('month'), sql<number>`count(*)`.as('n')])
    .where('type', '=', 'work_order.returned')
    .where('created_on', '>=', `${from}-01`)
    .where('created_on', '<=', `${to}-31`)
    .groupBy(['department_id', month])
    .execute();
  const key = (d: string | null, m: string) => `${d ?? ''}|${m}`;
  const returned = new Map(returns.map((r) => [key(r.department_id, r.month), Number(r.n)]));
  const items = rows.map((r) => {
    const calledBack = Number(r.called_back);
    const satisfied = Number(r.satisfied ?? 0);
    return {
      departmentId: r.department_id,
      month: r.month,
      received: Number(r.received),
      replied: Number(r.replied),
      onTime: Number(r.on_time ?? 0),
      overdue: Number(r.overdue ?? 0),
      returned: returned.get(key(r.department_id, r.month)) ?? 0,
      extended: Number(r.extended ?? 0),
      calledBack,
      satisfied,
      satisfactionRate: calledBack ? satisfied / calledBack : null,
    };
  });
  // a department that only returned orders in a month still has its row
  for (const r of returns)
    if (r.department_id && !rows.some((x) => key(x.department_id, x.month) === key(r.department_id, r.month)))
      items.push({
        departmentId: r.department_id,
        month: r.month,
        received: 0,
        replied: 0,
        onTime: 0,
        overdue: 0,
        returned: Number(r.n),
        extended: 0,
        calledBack: 0,
        satisfied: 0,
        satisfactionRate: null,
      });
  return {
    items: items.sort(
      (a, b) => a.month.localeCompare(b.month) || (a.departmentId ?? '').localeCompare(b.departmentId ?? ''),
    ),
  };
}
