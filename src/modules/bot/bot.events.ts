import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';

const turn = z.object({
  sessionId: z.string(),
  channel: z.string(),
  decision: z.enum(['answer', 'suggest', 'none', 'smalltalk', 'picked']),
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
