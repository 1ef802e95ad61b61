import type { Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import type { TOnlineReport, TWindowRecord } from '../work-orders.schemas.js';
import { receiveOrder, type OrderReceipt, type ReceiveDeps } from './receive-order.js';

/**
 * 线上“办不成事” (seed art. 13, annex 5): a citizen who could not finish a matter online reports it on
 * the portal; the report becomes a blocked-service order (contact within 1 working day, resolve
 * within 5) and the receipt number, with the phone, lets them look up the reply.
 */
export async function fileOnlineReport(
  deps: ReceiveDeps,
  actor: Actor,
  now: Date,
  r: TOnlineReport,
): Promise<OrderReceipt> {
  return receiveOrder(deps, actor, now, {
    source: 'online_report',
    type: 'blocked_service',
    title: r.matter,
    content: r.description ? `${r.problem}\n${r.description}` : r.problem,
    citizenName: r.name,
    citizenPhone: r.phone,
    details: { matter: r.matter, problem: r.problem, occurredOn: r.occurredOn, description: r.description ?? null },
  });
}

/**
 * 线下“办不成事”: the window staff's 《“办不成事”反映窗口处理记录单》 (annex 6: 反映人, 联系方式,
 * 反映时间, 受理人员, 反映问题; 承办部门 when known), handed to the hotline office as an order whose
 * clock starts at the time of the report.
 */
export async function recordWindowReport(
  deps: ReceiveDeps,
  p: Principal,
  actor: Actor,
  now: Date,
  r: TWindowRecord,
): Promise<OrderReceipt> {
  const reportedAt = new Date(r.reportedAt);
  return receiveOrder(deps, actor, now, {
    source: 'offline_report',
    type: 'blocked_service',
    title: r.matter ?? r.problem.slice(0, 40),
    content: r.problem,
    citizenName: r.reporterName,
    citizenPhone: r.phone,
    receivedAt: reportedAt > now ? now : reportedAt,
    details: {
      reporterName: r.reporterName,
      reportedAt: r.reportedAt,
      acceptedBy: p.displayName,
      acceptedById: p.id,
      matter: r.matter ?? null,
      suggestedDepartmentId: r.suggestedDepartmentId ?? null,
    },
  });
}
