import { z } from 'zod';
import { ZBilingual, listOf } from './common.js';
import { CALLBACK_STATUSES } from './enums.js';

/** Callback cases of every channel, as staff work them (phone masked until revealed, audited). */
export const ZCallbackMessage = z.object({
  id: z.string(),
  number: z.string(),
  /** where the case came from: 'bot' | 'live_help' | 'phone' | 'work_order' | 'offline_help' */
  channel: z.string(),
  name: z.string(),
  /** masked (138****5678) */
  phone: z.string().nullable(),
  question: z.string(),
  status: z.enum(CALLBACK_STATUSES),
  /** the status's name (the same as CALLBACK_STATUS_LABELS) */
  statusLabel: ZBilingual,
  dueAt: z.string(),
  createdAt: z.string(),
  overdue: z.boolean(),
  result: z.string().nullable(),
  handledAt: z.string().nullable(),
});
export type TCallbackMessage = z.infer<typeof ZCallbackMessage>;
export const ZCallbackList = listOf(ZCallbackMessage);
export const ZRevealedPhone = z.object({ phone: z.string() });
