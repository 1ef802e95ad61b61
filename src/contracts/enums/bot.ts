/** 小申's decisions, inbox reasons and the 好差评 rating levels (SPEC §3.1, §3.7). */
import type { Bilingual } from './common.js';

/** Why a bot question sits in the unanswered inbox. */
export const INBOX_REASONS = ['no_match', 'unsolved', 'suggested'] as const;

export type InboxReason = (typeof INBOX_REASONS)[number];

export const INBOX_REASON_LABELS: Record<InboxReason, Bilingual> = {
  no_match: { zh: '没找到答案', en: 'No match' },
  unsolved: { zh: '回答了但没解决', en: 'Answered, not solved' },
  suggested: { zh: '推荐的都不是', en: 'None of the suggestions' },
};

/**
 * What 小申 did with one turn: answered, offered "您是不是想问" (with the best entry's answer),
 * found nothing, small talk, the citizen picked a listed question, the citizen asked for a person
 * (转人工), or the question is not the bureau's business (社保怎么交).
 */
export const BOT_DECISIONS = ['answer', 'suggest', 'none', 'smalltalk', 'picked', 'human', 'out_of_scope'] as const;

export type BotDecision = (typeof BOT_DECISIONS)[number];

export const BOT_DECISION_LABELS: Record<BotDecision, Bilingual> = {
  answer: { zh: '直接作答', en: 'Answered' },
  suggest: { zh: '推荐相近问题', en: 'Suggested' },
  none: { zh: '未找到答案', en: 'No match' },
  smalltalk: { zh: '寒暄', en: 'Small talk' },
  picked: { zh: '市民选择问题', en: 'Citizen picked a question' },
  human: { zh: '要求转人工', en: 'Asked for a person' },
  out_of_scope: { zh: '非水务业务', en: 'Not the bureau’s business' },
};

/** The citizen's answer to "您是不是想问": one of the suggested entries, or 都不是 (none of these). */
export const BOT_CHOICE_NONE = 'none' as const;

/** A question a citizen confirmed for an entry, waiting for the owning department's editor. */
export const LEARNED_STATUSES = ['proposed', 'accepted', 'rejected'] as const;

export type LearnedStatus = (typeof LEARNED_STATUSES)[number];

export const LEARNED_STATUS_LABELS: Record<LearnedStatus, Bilingual> = {
  proposed: { zh: '待采纳', en: 'Proposed' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  rejected: { zh: '不采纳', en: 'Rejected' },
};

/** The two resolution figures of the bot statistics, each with its definition. */
export const RESOLUTION_DEFINITIONS: Record<'confirmed' | 'inferred', { label: Bilingual; definition: Bilingual }> = {
  confirmed: {
    label: { zh: '市民确认解决率', en: 'Confirmed by citizens' },
    definition: {
      zh: '市民至少按了一次“已解决”的对话 ÷ 提过问题的对话。',
      en: 'Conversations in which the citizen pressed “solved” at least once ÷ conversations with a question.',
    },
  },
  inferred: {
    label: { zh: '推定解决率', en: 'Inferred resolution' },
    definition: {
      zh: '小申给出了答案（直接作答、市民选择的问题或“您是不是想问”下的答案），且同一对话中市民没有按“未解决”或“都不是”、没有要求转人工、没有留言 ÷ 提过问题的对话。含市民确认的。',
      en: 'Conversations where 小申 showed an answer (direct, picked, or under “Did you mean”) and the citizen did not press “not solved” or “none of these”, ask for a person or leave a message ÷ conversations with a question. Includes the confirmed ones.',
    },
  },
};

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
