import { z } from 'zod';
import { ZMainlandPhone } from '../../platform/privacy/phone.js';
import {
  WORK_ORDER_SOURCES,
  WORK_ORDER_STATUSES,
  WORK_ORDER_TYPES,
  type WorkOrderSource,
  type WorkOrderType,
} from '../../contracts/enums/work-orders.js';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const ZId = z.string().min(1).max(64);

/** An order as any intake makes it (staff form, 12345 push, online report, window record, live help). */
export interface TReceiveOrder {
  source: WorkOrderSource;
  /** the sender's own number (12345 order number, live-help case id): a retry finds the same order */
  externalNo?: string | null;
  type: WorkOrderType;
  title: string;
  content: string;
  matterId?: string | null;
  citizenName?: string | null;
  citizenPhone?: string | null;
  details?: Record<string, unknown>;
  /** when the sender received it (defaults to now); the clock starts here */
  receivedAt?: Date;
  /** dispatch at once to this department (a window record that names it, a 12345 order routed) */
  departmentId?: string | null;
}

/**
 * The hotline office's intake form (and, later, the 12345 push API): a 12345 order or a bot message
 * taken over. Reports and live-help cases come in through their own routes and consumer.
 */
export const ZReceiveOrder = z.object({
  source: z.enum(['hotline_12345', 'bot_message']).default('hotline_12345'),
  externalNo: text(1, 64).optional(),
  type: z.enum(WORK_ORDER_TYPES),
  title: text(2, 200),
  content: text(2, 4000),
  matterId: ZId.optional(),
  citizenName: text(1, 40).optional(),
  citizenPhone: ZMainlandPhone.optional(),
  receivedAt: z.iso.datetime().optional(),
});

/** 办不成事 online (annex 5): the citizen's form on the portal. */
export const ZOnlineReport = z.object({
  matter: text(2, 200),
  problem: text(2, 1000),
  occurredOn: z.iso.date(),
  name: text(1, 40),
  phone: ZMainlandPhone,
  description: text(0, 2000).optional(),
});
export type TOnlineReport = z.infer<typeof ZOnlineReport>;

/** 《“办不成事”反映窗口处理记录单》 (annex 6): what the window staff fill in when a citizen reports. */
export const ZWindowRecord = z.object({
  reporterName: text(1, 40),
  phone: ZMainlandPhone,
  reportedAt: z.iso.datetime(),
  matter: text(2, 200).optional(),
  problem: text(2, 2000),
  /** 承办部门, when the window already knows it (the hotline office confirms by dispatching) */
  suggestedDepartmentId: ZId.optional(),
});
export type TWindowRecord = z.infer<typeof ZWindowRecord>;

export const ZLookup = z.object({ number: text(4, 30), phone: ZMainlandPhone });

export const ZListOrders = z.object({
  status: z.enum(WORK_ORDER_STATUSES).optional(),
  departmentId: ZId.optional(),
  source: z.enum(WORK_ORDER_SOURCES).optional(),
  type: z.enum(WORK_ORDER_TYPES).optional(),
  /** only orders past their due time whose clock still runs */
  overdue: z.enum(['1', '0']).optional(),
  /** open: the clock still runs */
  open: z.enum(['1', '0']).optional(),
  /** a department's co-handled orders instead of its own */
  role: z.enum(['lead', 'co']).default('lead'),
  sort: z.enum(['due', 'received']).default('due'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TListOrders = z.infer<typeof ZListOrders>;

export const ZDispatch = z.object({
  departmentId: ZId,
  coDepartmentIds: z.array(ZId).max(10).default([]),
  note: text(0, 500).optional(),
});
export const ZReason = z.object({ reason: text(2, 1000) });
export const ZRequestExtension = z.object({ days: z.number().int().min(1).max(60).default(15), reason: text(2, 1000) });
export const ZApproveExtension = z.object({ days: z.number().int().min(1).max(60).optional() });
export const ZReply = z.object({
  reply: text(2, 4000),
  resolved: z.boolean(),
  unresolvedReason: text(0, 1000).optional(),
  handlerName: text(1, 40).optional(),
  handlerPhone: text(3, 30).optional(),
});
export const ZCallBack = z.object({ satisfaction: z.number().int().min(1).max(5), note: text(0, 1000).optional() });
export const ZUpdateType = z.object({
  workingDays: z.number().int().min(0).max(60),
  contactDays: z.number().int().min(0).max(60).nullable().optional(),
});
export const ZPerformance = z.object({
  from: z.string().regex(/^\d{4}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}$/),
});
export const ZOrderId = z.object({ id: ZId });
export const ZTypeCode = z.object({ code: z.enum(WORK_ORDER_TYPES) });
