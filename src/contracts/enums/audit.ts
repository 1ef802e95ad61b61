/** Names of the audit trail's event and subject types. */
import type { Bilingual } from './common.js';

/** Names of the things an event is about. */
export const SUBJECT_TYPE_LABELS: Record<string, Bilingual> = {
  user: { zh: '用户', en: 'User' },
  department: { zh: '部门', en: 'Department' },
  matter: { zh: '事项', en: 'Matter' },
  kb_entry: { zh: '知识条目', en: 'KB entry' },
  callback_request: { zh: '留言', en: 'Callback' },
};
