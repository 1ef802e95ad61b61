/** A citizen's message for a call back. */
import type { Bilingual } from './common.js';

/** A citizen's message for a call back: open → called back → closed. */
export const CALLBACK_STATUSES = ['open', 'called_back', 'closed'] as const;

export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const CALLBACK_STATUS_LABELS: Record<CallbackStatus, Bilingual> = {
  open: { zh: '待回电', en: 'To call back' },
  called_back: { zh: '已回电', en: 'Called back' },
  closed: { zh: '已办结', en: 'Closed' },
};
