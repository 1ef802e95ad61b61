import { z } from 'zod';
import { listOf } from './common.js';
import { CALLBACK_STATUSES } from './enums.js';

/** Citizens' messages for a call back, as staff work them (phone masked until revealed, audited). */
export const ZCallbackMessage = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  /** masked (138****5678) */
  phone: z.string().nullable(),
  question: z.string(),
  status: z.enum(CALLBACK_STATUSES),
  dueAt: z.string(),
  createdAt: z.string(),
  overdue: z.boolean(),
  result: z.string().nullable(),
  handledAt: z.string().nullable(),
});
export type TCallbackMessage = z.infer<typeof ZCallbackMessage>;
export const ZCallbackList = listOf(ZCallbackMessage);
export const ZRevealedPhone = z.object({ phone: z.string() });
