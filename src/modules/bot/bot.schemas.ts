import { z } from 'zod';
import { ZMainlandPhone } from '../../platform/privacy/phone.js';

export const MAX_QUESTION = 2000;

export const ZStartSession = z.object({ channel: z.enum(['portal', 'widget']).default('portal') });

export const ZAsk = z.object({
  question: z.string().max(10_000).optional(),
  /** the citizen picked one of the "您是不是想问" suggestions or a related question */
  pick: z.string().max(64).optional(),
});

export const ZFeedback = z.object({ solved: z.boolean() });
/** which "您是不是想问" choice the citizen took: a suggested entry's id, or 'none' (都不是) */
export const ZChoice = z.object({ entryId: z.string().min(1).max(64) });
export const ZTurnParams = z.object({ id: z.string().min(1).max(64) });

/** The five national 好差评 levels, 5 非常满意 … 1 非常不满意 (GB/T 39734-2020). */
export const ZRate = z.object({
  level: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).optional(),
});

export const ZLeaveMessage = z.object({
  name: z.string().trim().min(1).max(40),
  phone: ZMainlandPhone,
  question: z.string().trim().min(2).max(1000),
});
export type TLeaveMessage = z.infer<typeof ZLeaveMessage>;

export { RATING_LABELS } from '../../contracts/enums.js';
