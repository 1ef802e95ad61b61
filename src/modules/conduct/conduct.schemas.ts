import { z } from 'zod';
import { ZDate } from '../calendar/calendar.schemas.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZId = z.object({ id: z.string().min(1).max(64) });

export const ZPhraseInput = z.object({ phrase: text(40), suggestion: text(200) });
export type TPhraseInput = z.infer<typeof ZPhraseInput>;

export const ZCheckMessage = z.object({ text: z.string().max(5000) });

export const ZStatsQuery = z
  .object({ from: ZDate.optional(), to: ZDate.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'from must not be after to', path: ['to'] });

export const ZCannedReplyInput = z.object({
  title: text(40),
  text: text(1000),
  /** null = for every department */
  departmentId: z.string().min(1).max(64).nullable().default(null),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});
export type TCannedReplyInput = z.infer<typeof ZCannedReplyInput>;

export const ZCannedReplyQuery = z.object({
  /** for editors: one department's replies, or 'global' for the shared ones */
  departmentId: z.string().min(1).max(64).optional(),
});
