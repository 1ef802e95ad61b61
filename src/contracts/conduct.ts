import { z } from 'zod';
import { listOf } from './common.js';

/** Staff conduct in live help: forbidden phrases (禁语) with suggested wording, and canned replies (常用语). */

export const ZForbiddenPhrase = z.object({
  id: z.string(),
  phrase: z.string(),
  suggestion: z.string(),
  updatedAt: z.string(),
});
export type TForbiddenPhrase = z.infer<typeof ZForbiddenPhrase>;
export const ZForbiddenPhraseList = listOf(ZForbiddenPhrase);

/** How often each phrase was caught in staff messages over a period (phrases never caught count 0). */
export const ZPhraseStats = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  items: z.array(z.object({ phrase: z.string(), count: z.number().int() })),
});
export type TPhraseStats = z.infer<typeof ZPhraseStats>;

/** What the checker found in a draft: each phrase with the wording to use instead (empty = fine). */
export const ZPhraseCheck = z.object({
  warnings: z.array(z.object({ phrase: z.string(), suggestion: z.string() })),
});
export type TPhraseCheck = z.infer<typeof ZPhraseCheck>;

export const ZCannedReply = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  /** null = for every department */
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  sortOrder: z.number().int(),
});
export type TCannedReply = z.infer<typeof ZCannedReply>;
export const ZCannedReplyList = listOf(ZCannedReply);
