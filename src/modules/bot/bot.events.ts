import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';
import { BOT_DECISIONS } from '../../contracts/enums/bot.js';

const turn = z.object({
  sessionId: z.string(),
  channel: z.string(),
  decision: z.enum(BOT_DECISIONS),
  entryId: z.string().nullable(),
  confidence: z.number(),
});

/**
 * What the bot records: each answered / suggested / unmatched question and the citizen's
 * solved / unsolved feedback (the reviews module and statistics react to these), and inbox work.
 */
export const botEvents = defineEvents({
  'bot.question_answered': { label: { zh: '小申作答', en: 'Bot answered a question' }, data: turn },
  'bot.question_suggested': {
    label: { zh: '小申推荐相近问题', en: 'Bot suggested questions' },
    data: turn.extend({ suggestions: z.array(z.string()) }),
  },
  'bot.question_unmatched': { label: { zh: '小申未能解答', en: 'Bot found no answer' }, data: turn },
  'bot.human_requested': { label: { zh: '市民要求转人工', en: 'Citizen asked for a person' }, data: turn },
  'bot.question_out_of_scope': {
    label: { zh: '非水务业务，引导至 12345', en: 'Not the bureau’s business: pointed to 12345' },
    data: turn,
  },
  'bot.suggestion_chosen': {
    label: { zh: '市民选择了推荐问题', en: 'Citizen opened a suggestion' },
    data: z.object({ sessionId: z.string(), entryId: z.string(), rank: z.number() }),
  },
  'bot.suggestions_rejected': {
    label: { zh: '市民表示推荐的都不是', en: 'Citizen: none of the suggestions' },
    data: z.object({ sessionId: z.string(), suggestions: z.array(z.string()) }),
  },
  'bot.question_learned': {
    label: { zh: '市民确认的问法，待采纳为相似问法', en: 'Confirmed phrasing proposed as a similar question' },
    data: z.object({ entryId: z.string(), learnedId: z.string(), citizens: z.number() }),
  },
  'bot.learned_accepted': {
    label: { zh: '采纳为相似问法', en: 'Similar question accepted' },
    data: z.object({ entryId: z.string(), from: z.string(), to: z.string() }),
  },
  'bot.learned_rejected': {
    label: { zh: '不采纳相似问法', en: 'Similar question rejected' },
    data: z.object({ entryId: z.string(), from: z.string(), to: z.string() }),
  },
  'bot.answer_solved': {
    label: { zh: '市民反馈：已解决', en: 'Citizen: solved' },
    data: z.object({ sessionId: z.string(), entryId: z.string().nullable() }),
  },
  'bot.answer_unsolved': {
    label: { zh: '市民反馈：未解决', en: 'Citizen: not solved' },
    data: z.object({ sessionId: z.string(), entryId: z.string().nullable() }),
  },
  'bot.inbox_attached': {
    label: { zh: '追加为相似问法', en: 'Questions attached to an entry' },
    data: z.object({ entryId: z.string(), turns: z.array(z.string()), added: z.array(z.string()) }),
  },
  'bot.inbox_dismissed': {
    label: { zh: '忽略未解答问题', en: 'Unanswered question dismissed' },
    data: z.object({ turns: z.array(z.string()), reason: z.string() }),
  },
});
