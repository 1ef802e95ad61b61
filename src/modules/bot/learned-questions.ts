import { defineMachine } from '../../platform/state-machine/state-machine.js';
import { LEARNED_STATUS_LABELS, type LearnedStatus } from '../../contracts/enums/bot.js';

/**
 * A question citizens confirmed for an entry: proposed → accepted (the bot matches with it on
 * every node at once) or rejected, by the owning department's editor (or a KB reviewer).
 */
export const LEARNED_MACHINE = defineMachine<LearnedStatus, 'accept' | 'reject'>({
  table: 'bot_learned_questions',
  subject: { zh: '相似问法建议', en: 'proposed similar question' },
  statuses: LEARNED_STATUS_LABELS,
  moves: {
    accept: { from: ['proposed'], to: 'accepted', label: { zh: '采纳', en: 'accept' } },
    reject: { from: ['proposed'], to: 'rejected', label: { zh: '不采纳', en: 'reject' } },
  },
});
