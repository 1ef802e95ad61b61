import { z } from 'zod';
import { ZBilingual, listOf } from './common.js';

/** One 好差评 rating of one service (一事一评), of any channel, as staff read it. */
export const ZRating = z.object({
  id: z.string(),
  channel: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  /** 1 … 5, 5 = best (RATING_LEVELS) */
  level: z.number().int(),
  /** the level's name (the same as RATING_LABELS) */
  levelLabel: ZBilingual,
  comment: z.string().nullable(),
  anonymous: z.boolean(),
  /** null when anonymous */
  raterName: z.string().nullable(),
  createdAt: z.string(),
});
export type TRating = z.infer<typeof ZRating>;
export const ZRatingList = listOf(ZRating);
