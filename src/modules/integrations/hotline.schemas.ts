import { z } from 'zod';
import { ZMainlandPhone } from '../../platform/privacy/phone.js';
import type { WorkOrderType } from '../../contracts/enums/work-orders.js';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** The order types a 12345 order may carry: our codes, or the city platform's Chinese names. */
const HOTLINE_TYPE_NAMES = {
  咨询: 'consultation',
  建议: 'suggestion',
  求助: 'help_request',
  投诉: 'complaint',
  复杂件: 'complex',
  督办: 'supervision',
  回访复核: 'callback_recheck',
} as const satisfies Record<string, WorkOrderType>;
const HOTLINE_TYPE_CODES = Object.values(HOTLINE_TYPE_NAMES);
const HOTLINE_TYPES = [
  ...HOTLINE_TYPE_CODES,
  ...(Object.keys(HOTLINE_TYPE_NAMES) as (keyof typeof HOTLINE_TYPE_NAMES)[]),
];

/** ISO-8601 with a time zone (2026-09-30T16:00:00+08:00 or …Z): a time without one is ambiguous. */
const ZInstant = z.iso.datetime({ offset: true });

/**
 * One order as the 12345 city platform pushes it (docs/integrations.md). Unknown fields are
 * ignored; a missing or malformed one is refused (400, the field named) and nothing is stored.
 */
export const ZHotlinePush = z.object({
  /** the 12345 order number: a retried push with the same number finds the same order */
  orderNo: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\w.-]+$/, 'letters, digits, - _ . only'),
  type: z
    .enum(HOTLINE_TYPES)
    .transform((t): WorkOrderType => (HOTLINE_TYPE_NAMES as Record<string, WorkOrderType>)[t] ?? t),
  title: text(2, 200),
  content: text(2, 4000),
  citizenName: text(1, 40).optional(),
  citizenPhone: ZMainlandPhone.optional(),
  /** the matter (事项) as 12345 names it; a code of our catalogue links the order to it */
  matter: z.object({ code: text(1, 64).optional(), name: text(1, 200).optional() }).optional(),
  /** when 12345 received it: the working-day clock starts here */
  receivedAt: ZInstant,
  /** the city platform's own deadline, kept for the dispatcher (our due time follows our rules) */
  deadline: z.object({ dueAt: ZInstant.optional(), limitDays: z.number().int().min(0).max(90).optional() }).optional(),
  /** the department 12345 suggests (a name or code), shown to the dispatcher */
  departmentHint: text(1, 100).optional(),
});
export type THotlinePush = z.infer<typeof ZHotlinePush>;
