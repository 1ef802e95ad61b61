import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';

const phrase = z.object({ phrase: z.string(), suggestion: z.string() });
const reply = z.object({ title: z.string(), departmentId: z.string().nullable() });

/**
 * What staff conduct records: the forbidden-phrase list changing (every node reloads its cached
 * list on these), a phrase caught in a staff message (no message text), canned replies changing.
 */
export const conductEvents = defineEvents({
  'conduct.phrases_seeded': {
    label: { zh: '预置服务禁语', en: 'Forbidden phrases preset' },
    data: z.object({ count: z.number().int() }),
  },
  'conduct.phrase_added': { label: { zh: '新增服务禁语', en: 'Forbidden phrase added' }, data: phrase },
  'conduct.phrase_updated': { label: { zh: '修改服务禁语', en: 'Forbidden phrase changed' }, data: phrase },
  'conduct.phrase_removed': { label: { zh: '删除服务禁语', en: 'Forbidden phrase removed' }, data: phrase },
  'conduct.phrase_warned': {
    label: { zh: '服务禁语提醒', en: 'Forbidden phrase warning' },
    data: z.object({ channel: z.string(), phrases: z.array(z.string()) }),
  },
  'conduct.canned_reply_added': { label: { zh: '新增常用语', en: 'Canned reply added' }, data: reply },
  'conduct.canned_reply_updated': { label: { zh: '修改常用语', en: 'Canned reply changed' }, data: reply },
  'conduct.canned_reply_removed': { label: { zh: '删除常用语', en: 'Canned reply removed' }, data: reply },
});

/** The events after which every node reloads its forbidden-phrase list. */
export const PHRASE_LIST_EVENTS = [
  'conduct.phrases_seeded',
  'conduct.phrase_added',
  'conduct.phrase_updated',
  'conduct.phrase_removed',
];
