/** 小申's decisions, inbox reasons and the 好差评 rating levels (SPEC §3.1, §3.7). */
import type { Bilingual } from './common.js';

/** Why a bot question sits in the unanswered inbox. */
export const INBOX_REASONS = ['no_match', 'unsolved', 'suggested'] as const;

export type InboxReason = (typeof INBOX_REASONS)[number];

export const INBOX_REASON_LABELS: Record<InboxReason, Bilingual> = {
  no_match: { zh: '没找到答案', en: 'No match' },
  unsolved: { zh: '回答了但没解决', en: 'Answered, not solved' },
  suggested: { zh: '只给了猜测', en: 'Only suggestions' },
};

export const BOT_DECISIONS = ['answer', 'suggest', 'none', 'smalltalk', 'picked'] as const;

export type BotDecision = (typeof BOT_DECISIONS)[number];

export const BOT_NEXT_STEPS = ['rate', 'transfer', 'leave_message'] as const;

/** The five levels of a 好差评 rating, 5 = best. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;

export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LABELS: Record<RatingLevel, Bilingual> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};
