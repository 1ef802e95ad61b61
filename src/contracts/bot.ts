import { z } from 'zod';
import { ZBilingual } from './common.js';
import { ZPeriod } from './calendar.js';
import { BOT_DECISIONS, BOT_NEXT_STEPS, INBOX_REASONS, LEARNED_STATUSES } from './enums.js';

/** Answers of 小申 (SPEC §3.1): the citizens' conversation API and the staff side (inbox, search, figures). */

export const ZLiveHelp = z.object({ open: z.boolean(), nextOpening: z.string().nullable(), periods: z.array(ZPeriod) });
export type TLiveHelp = z.infer<typeof ZLiveHelp>;

export const ZBotSession = z.object({ sessionId: z.string(), token: z.string(), liveHelp: ZLiveHelp });
export type TBotSession = z.infer<typeof ZBotSession>;

export const ZBotAnswer = z.object({
  entryId: z.string(),
  code: z.string(),
  question: z.string(),
  answerHtml: z.string(),
  matter: z.string().nullable(),
  guideUrl: z.string().nullable(),
  department: z.string().nullable(),
  lastReviewed: z.string().nullable(),
  version: z.number(),
});
export type TBotAnswer = z.infer<typeof ZBotAnswer>;
export const ZQuestionRef = z.object({ entryId: z.string(), question: z.string() });
export type TQuestionRef = z.infer<typeof ZQuestionRef>;

export const ZLink = z.object({ label: ZBilingual, url: z.string() });

export const ZAskReply = z.object({
  turnId: z.string(),
  decision: z.enum(BOT_DECISIONS),
  message: ZBilingual.nullable(),
  answer: ZBotAnswer.nullable(),
  /** not confident enough to answer: the best suggestion's answer, shown under "您是不是想问：…" */
  suggestion: ZBotAnswer.nullable(),
  /** every "您是不是想问" choice, the one in `suggestion` first */
  suggestions: z.array(ZQuestionRef),
  related: z.array(ZQuestionRef),
  /** a link to show with the message (一网通办 for another authority's business) */
  link: ZLink.nullable(),
  /** a request for a person: talk to one now, or leave a message */
  next: z.enum(BOT_NEXT_STEPS).nullable(),
  confidence: z.number(),
  liveHelp: ZLiveHelp,
});
export type TAskReply = z.infer<typeof ZAskReply>;

/** The citizen opened a suggested entry (its answer to show), or said 都不是 (the next step). */
export const ZChoiceReply = z.object({
  ok: z.boolean(),
  answer: ZBotAnswer.nullable(),
  related: z.array(ZQuestionRef),
  message: ZBilingual.nullable(),
  next: z.enum(BOT_NEXT_STEPS).nullable(),
  liveHelp: ZLiveHelp,
});
export type TChoiceReply = z.infer<typeof ZChoiceReply>;

export const ZFeedbackReply = z.object({ ok: z.boolean(), next: z.enum(BOT_NEXT_STEPS), liveHelp: ZLiveHelp });
export type TFeedbackReply = z.infer<typeof ZFeedbackReply>;

/** The receipt a citizen gets for a message: its number and when staff must call back. */
export const ZMessageReceipt = z.object({ number: z.string(), dueAt: z.string() });
export type TMessageReceipt = z.infer<typeof ZMessageReceipt>;

export const ZBotStatus = z.object({ entries: z.number(), liveHelp: ZLiveHelp });
export type TBotStatus = z.infer<typeof ZBotStatus>;

export const ZInboxItem = z.object({
  id: z.string(),
  question: z.string(),
  createdAt: z.string(),
  reason: z.enum(INBOX_REASONS),
  topCandidate: z.string().nullable(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;
export const ZInboxGroup = z.object({
  key: z.string(),
  question: z.string(),
  count: z.number(),
  latestAt: z.string(),
  items: z.array(ZInboxItem),
  topCandidate: z.string().nullable(),
  hint: z.object({ entryId: z.string(), question: z.string(), department: z.string().nullable() }).nullable(),
  /** up to three live entries nearest to the group's questions, best first */
  nearest: z.array(z.object({ entryId: z.string(), question: z.string(), department: z.string().nullable() })),
});
export type TInboxGroup = z.infer<typeof ZInboxGroup>;
export const ZInbox = z.object({ total: z.number(), groups: z.array(ZInboxGroup) });
export type TInbox = z.infer<typeof ZInbox>;
export const ZAttached = z.object({ added: z.array(z.string()), status: z.literal('submitted') });

export const ZSearchItem = z.object({
  entryId: z.string(),
  code: z.string(),
  question: z.string(),
  answerHtml: z.string(),
  matter: z.string().nullable(),
  department: z.string().nullable(),
});
export type TSearchItem = z.infer<typeof ZSearchItem>;
export const ZSearchResult = z.object({
  decision: z.string(),
  confidence: z.number(),
  items: z.array(ZSearchItem),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;

export const ZBotStats = z.object({
  from: z.string(),
  to: z.string(),
  sessions: z.number(),
  questions: z.number(),
  answered: z.number(),
  suggested: z.number(),
  noMatch: z.number(),
  humanRequests: z.number(),
  outOfScope: z.number(),
  suggestionsOpened: z.number(),
  noneOfThese: z.number(),
  solvedFeedback: z.number(),
  unsolvedFeedback: z.number(),
  /** the citizen pressed 已解决 (RESOLUTION_DEFINITIONS.confirmed) */
  confirmedSessions: z.number(),
  confirmedRate: z.number().nullable(),
  /** an answer shown and no sign it failed (RESOLUTION_DEFINITIONS.inferred) */
  inferredSessions: z.number(),
  inferredRate: z.number().nullable(),
  /** = inferredSessions / inferredRate, for older clients */
  resolvedSessions: z.number(),
  resolutionRate: z.number().nullable(),
  /** this month's most asked unanswered questions (grouped) */
  topUnanswered: z.array(z.object({ question: z.string(), count: z.number() })),
  /** count per rating level, 5 = 非常满意 … 1 = 非常不满意 */
  ratings: z.record(z.string(), z.number()),
});
export type TBotStats = z.infer<typeof ZBotStats>;

/** A question citizens confirmed for an entry, waiting for (or decided by) the owning department's editor. */
export const ZLearnedQuestion = z.object({
  id: z.string(),
  question: z.string(),
  citizens: z.number(),
  status: z.enum(LEARNED_STATUSES),
  createdAt: z.string(),
  entry: z.object({ id: z.string(), code: z.string(), question: z.string(), department: z.string().nullable() }),
});
export type TLearnedQuestion = z.infer<typeof ZLearnedQuestion>;
export const ZLearnedList = z.object({ items: z.array(ZLearnedQuestion) });
export type TLearnedList = z.infer<typeof ZLearnedList>;
