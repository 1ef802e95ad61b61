import type { DbOrTrx } from '../../platform/db/connect.js';
import type { StoredEvent } from '../../platform/events/event-feed.js';
import { hasRole, type Principal } from '../../platform/policy/principal.js';
import { registerNotice } from '../notifications/notice-registry.js';
import { registerWorkSource, type WorkSourceItem } from '../notifications/work-sources.js';
import { activeUserIdsWithRoles } from '../org/org.repo.js';
import { WORK_ORDER_MACHINE, type WorkOrderStatus } from './transitions.js';

const number = (e: StoredEvent) => String(e.data.number ?? '');
/** Where an order opens (the list opens its drawer): the workspace, or the back office for oversight. */
export const orderLink = (id: string | null, app: 'workspace' | 'admin' = 'workspace') =>
  `/${app}/work-orders?open=${encodeURIComponent(id ?? '')}`;
const link = (e: StoredEvent) => orderLink(e.subjectId);

const hotlineOffice = (db: DbOrTrx) => activeUserIdsWithRoles(db, ['hotline_dispatcher']);

/** The business agents of a department; the hotline office while no department holds the order. */
async function workersOf(db: DbOrTrx, departmentId: string | null): Promise<string[]> {
  if (!departmentId) return hotlineOffice(db);
  return activeUserIdsWithRoles(db, ['business_agent'], departmentId);
}

async function dispatchedTo(db: DbOrTrx, e: StoredEvent): Promise<string[]> {
  const lead = String(e.data.departmentId ?? '') || null;
  const co = Array.isArray(e.data.coDepartmentIds) ? (e.data.coDepartmentIds as string[]) : [];
  const ids = await Promise.all([lead, ...co].map((d) => workersOf(db, d)));
  return [...new Set(ids.flat())];
}

/** The department now holding the order (a reopened order goes back to it). */
async function holder(db: DbOrTrx, e: StoredEvent): Promise<string[]> {
  if (!e.subjectId) return [];
  const o = await db.selectFrom('work_orders').select('department_id').where('id', '=', e.subjectId).executeTakeFirst();
  return workersOf(db, o?.department_id ?? null);
}

/**
 * Work orders tell people (seed art. 10.3, 13): the handling (and co-handling) department when an
 * order is dispatched or reopened, whoever holds it before its due time and when it is overdue (the
 * hotline office while none is dispatched), the hotline office and the general office (supervisors)
 * when it is escalated, and the hotline office when it is returned or an extension is asked for.
 */
export function registerWorkOrderNotices(): void {
  registerNotice({
    type: 'work_order.dispatched',
    kind: 'assignment',
    recipients: dispatchedTo,
    title: (e) => ({ zh: `新派工单 ${number(e)}`, en: `Work order ${number(e)} dispatched to your department` }),
    link,
  });
  registerNotice({
    type: 'work_order.reopened',
    kind: 'assignment',
    recipients: holder,
    title: (e) => ({ zh: `工单 ${number(e)} 回访不满意，需重办`, en: `Work order ${number(e)} reopened` }),
    link,
  });
  const alerted = (db: DbOrTrx, e: StoredEvent) => workersOf(db, String(e.data.departmentId ?? '') || null);
  registerNotice({
    type: 'work_order.reminded',
    kind: 'reminder',
    recipients: alerted,
    title: (e) => ({ zh: `工单 ${number(e)} 即将到期`, en: `Work order ${number(e)} is due soon` }),
    link,
  });
  registerNotice({
    type: 'work_order.overdue',
    kind: 'overdue',
    recipients: alerted,
    title: (e) => ({ zh: `工单 ${number(e)} 已超期`, en: `Work order ${number(e)} is overdue` }),
    link,
  });
  registerNotice({
    type: 'work_order.escalated',
    kind: 'escalation',
    recipients: async (db) => [...(await hotlineOffice(db)), ...(await activeUserIdsWithRoles(db, ['supervisor']))],
    title: (e) => ({ zh: `超期工单 ${number(e)} 督办`, en: `Overdue work order ${number(e)} escalated` }),
    link: (e) => orderLink(e.subjectId, 'admin'),
  });
  registerNotice({
    type: 'work_order.returned',
    kind: 'assignment',
    recipients: hotlineOffice,
    title: (e) => ({ zh: `工单 ${number(e)} 被退回，请重新派单`, en: `Work order ${number(e)} returned for dispatch` }),
    link,
  });
  registerNotice({
    type: 'work_order.extension_requested',
    kind: 'assignment',
    recipients: hotlineOffice,
    title: (e) => ({ zh: `工单 ${number(e)} 申请延期，请审批`, en: `Work order ${number(e)}: extension requested` }),
    link,
  });
  registerWorkSource({ name: 'workOrders', label: { zh: '工单', en: 'Work orders' }, items: workOrderWork });
}

/** What waits for the hotline office: to dispatch (again), extensions to rule on, replies to call back, to close. */
const HOTLINE_WAITS: readonly WorkOrderStatus[] = [
  'received',
  'returned',
  'extension_requested',
  'replied',
  'called_back',
];
/** What waits for a handling department: orders to accept and to handle. */
const DEPARTMENT_WAITS: readonly WorkOrderStatus[] = ['dispatched', 'handling'];
const LIMIT = 100;

/**
 * "My work" in work orders: the hotline office's orders waiting for it (with the handling clock's
 * due time while it runs); a business agent's department's orders to accept and handle; the
 * general office's escalated orders still open (督办). Most urgent first.
 */
export async function workOrderWork(db: DbOrTrx, p: Principal): Promise<WorkSourceItem[]> {
  let q = db.selectFrom('work_orders').select(['id', 'number', 'title', 'status', 'open', 'due_at']);
  if (hasRole(p, 'hotline_dispatcher')) q = q.where('status', 'in', [...HOTLINE_WAITS]);
  else if (hasRole(p, 'business_agent') && p.departmentId)
    q = q.where('department_id', '=', p.departmentId).where('status', 'in', [...DEPARTMENT_WAITS]);
  else if (hasRole(p, 'supervisor')) q = q.where('open', '=', 1).where('escalated_at', 'is not', null);
  else return [];
  const app = hasRole(p, 'hotline_dispatcher', 'business_agent') ? 'workspace' : 'admin';
  const rows = await q.orderBy('due_at').orderBy('id').limit(LIMIT).execute();
  return rows.map((o) => {
    const label = WORK_ORDER_MACHINE.statuses[o.status as WorkOrderStatus];
    return {
      title: { zh: `${label.zh}：${o.title.slice(0, 40)}`, en: `${label.en}: ${o.title.slice(0, 40)}` },
      reference: o.number,
      link: orderLink(o.id, app),
      // the clock runs only in open statuses (my-work sorts far-off due times into "waiting")
      dueAt: o.open === 1 ? o.due_at : null,
    };
  });
}
