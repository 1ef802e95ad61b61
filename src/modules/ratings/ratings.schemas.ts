import { z } from 'zod';

/** One rating of one service (一事一评): which channel, which case or conversation, how, by whom. */
export const ZGiveRating = z.object({
  channel: z.string().min(1).max(30),
  subjectType: z.string().min(1).max(40),
  subjectId: z.string().min(1).max(64),
  /** shown by the audit trail (receipt number, conversation) */
  subjectLabel: z.string().max(200).optional(),
  level: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).nullish(),
  departmentId: z.string().max(64).nullish(),
  /** null: anonymous; otherwise the citizen's (or user's) name as given */
  rater: z.object({ id: z.string().max(64).nullish(), name: z.string().trim().min(1).max(60) }).nullish(),
});
export type TGiveRating = z.input<typeof ZGiveRating>;

export const ZListRatings = z.object({
  channel: z.string().max(30).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
