import { z } from 'zod';
import { ZBilingual, listOf } from './common.js';
import { WORK_ORDER_ACTIONS, WORK_ORDER_SOURCES, WORK_ORDER_STATUSES, WORK_ORDER_TYPES } from './enums/work-orders.js';

/** A work order in a list (phone masked) and with its detail (SPEC §3.4). */
export const ZWorkOrderItem = z.object({
  id: z.string(),
  number: z.string(),
  source: z.enum(WORK_ORDER_SOURCES),
  externalNo: z.string().nullable(),
  type: z.enum(WORK_ORDER_TYPES),
  status: z.enum(WORK_ORDER_STATUSES),
  statusLabel: ZBilingual,
  title: z.string(),
  citizenName: z.string().nullable(),
  /** masked (138****5678) */
  citizenPhone: z.string().nullable(),
  departmentId: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  contactDueAt: z.string().nullable(),
  overdue: z.boolean(),
  repliedAt: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
});
export type TWorkOrderItem = z.infer<typeof ZWorkOrderItem>;

/** One keyset page: `nextCursor` continues after the last item (null at the end); no total is counted. */
export const ZWorkOrderPage = z.object({ items: z.array(ZWorkOrderItem), nextCursor: z.string().nullable() });
export type TWorkOrderPage = z.infer<typeof ZWorkOrderPage>;

export const ZWorkOrder = ZWorkOrderItem.extend({
  content: z.string(),
  matterId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  coDepartmentIds: z.array(z.string()),
  limitDays: z.number().int(),
  returnReason: z.string().nullable(),
  returnedCount: z.number().int(),
  extensionDays: z.number().int().nullable(),
  extensionReason: z.string().nullable(),
  extended: z.boolean(),
  reply: z.string().nullable(),
  resolved: z.boolean().nullable(),
  unresolvedReason: z.string().nullable(),
  handlerName: z.string().nullable(),
  handlerPhone: z.string().nullable(),
  onTime: z.boolean().nullable(),
  callbackNote: z.string().nullable(),
  calledBackAt: z.string().nullable(),
  reopenedCount: z.number().int(),
  closedAt: z.string().nullable(),
  /** the moves this user may make now (the web app shows only these buttons) */
  actions: z.array(z.enum(WORK_ORDER_ACTIONS)),
  /** this user may print the window record (annex 6) of an offline 办不成事 order */
  canPrintRecord: z.boolean(),
});

/** A move's answer when the mover can no longer read the order (a department that returned it). */
export const ZOrderLeft = z.object({ id: z.string(), left: z.literal(true) });
/** What every move answers: the order as it now is, or that it left the mover's reach. */
export const ZOrderMoved = z.union([ZWorkOrder, ZOrderLeft]);
export type TOrderMoved = z.infer<typeof ZOrderMoved>;

export type TWorkOrder = z.infer<typeof ZWorkOrder>;

export const ZWorkOrderHistory = listOf(
  z.object({
    id: z.number().int(),
    type: z.string(),
    typeLabel: ZBilingual.nullable(),
    actor: z.string().nullable(),
    at: z.string(),
    data: z.record(z.string(), z.unknown()),
  }),
);
export type TWorkOrderHistory = z.infer<typeof ZWorkOrderHistory>;

export const ZWorkOrderReceipt = z.object({
  id: z.string(),
  number: z.string(),
  dueAt: z.string(),
  duplicate: z.boolean(),
});
export type TWorkOrderReceipt = z.infer<typeof ZWorkOrderReceipt>;

/** What a citizen sees when looking up a 办不成事 report by receipt number + phone. */
export const ZReportStatus = z.object({
  number: z.string(),
  title: z.string(),
  receivedAt: z.string(),
  status: ZBilingual,
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closed: z.boolean(),
});
export type TReportStatus = z.infer<typeof ZReportStatus>;

export const ZWorkOrderTypes = listOf(
  z.object({
    code: z.enum(WORK_ORDER_TYPES),
    name: ZBilingual,
    workingDays: z.number().int(),
    contactDays: z.number().int().nullable(),
  }),
);
export type TWorkOrderTypes = z.infer<typeof ZWorkOrderTypes>;

/** Per department and month (created_on): counted toward the hotline performance review. */
export const ZWorkOrderPerformance = listOf(
  z.object({
    departmentId: z.string().nullable(),
    month: z.string(),
    received: z.number().int(),
    replied: z.number().int(),
    onTime: z.number().int(),
    overdue: z.number().int(),
    returned: z.number().int(),
    extended: z.number().int(),
    calledBack: z.number().int(),
    satisfied: z.number().int(),
    /** (非常满意 + 满意) ÷ called back, null when none was called back */
    satisfactionRate: z.number().nullable(),
  }),
);
export type TWorkOrderPerformance = z.infer<typeof ZWorkOrderPerformance>;
