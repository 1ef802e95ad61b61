/** Live help (SPEC §3.2): conversation statuses, how a conversation ended, who wrote a message. */
import type { Bilingual } from './common.js';

/**
 * queued → active (a window agent has it) → transferred (a business agent of the owner
 * department has it) | awaiting_department (no business agent on duty: the department answers
 * within its deadline) → closed. A queued conversation can also be closed (citizen left, hours ended).
 */
export const CHAT_STATUSES = ['queued', 'active', 'transferred', 'awaiting_department', 'closed'] as const;
export type ChatStatus = (typeof CHAT_STATUSES)[number];
export const CHAT_STATUS_LABELS: Record<ChatStatus, Bilingual> = {
  queued: { zh: '排队中', en: 'Waiting' },
  active: { zh: '窗口客服接待中', en: 'With a window agent' },
  transferred: { zh: '业务客服接待中', en: 'With a business agent' },
  awaiting_department: { zh: '待部门答复', en: 'Awaiting the department' },
  closed: { zh: '已结束', en: 'Ended' },
};

/** How a conversation ended (stored on close; the monthly report counts them). */
export const CHAT_OUTCOMES = [
  'answered',
  'pushed_to_hotline',
  'referred_12345',
  'citizen_left',
  'out_of_hours',
  'no_reply',
] as const;
export type ChatOutcome = (typeof CHAT_OUTCOMES)[number];
export const CHAT_OUTCOME_LABELS: Record<ChatOutcome, Bilingual> = {
  answered: { zh: '已解答', en: 'Answered' },
  pushed_to_hotline: { zh: '已推送热线办', en: 'Pushed to the hotline office' },
  referred_12345: { zh: '已转 12345', en: 'Referred to 12345' },
  citizen_left: { zh: '市民离开', en: 'Citizen left' },
  out_of_hours: { zh: '服务时间结束', en: 'Service hours ended' },
  no_reply: { zh: '市民未回复', en: 'No reply from the citizen' },
};

/** Who wrote a message: the citizen, a staff member, the bot (its history), or the system (joined, transferred …). */
export const CHAT_AUTHORS = ['citizen', 'agent', 'bot', 'system'] as const;
export type ChatAuthor = (typeof CHAT_AUTHORS)[number];

/** text and file reach both sides; a note is staff-only (never sent to the citizen). */
export const CHAT_MESSAGE_KINDS = ['text', 'file', 'note'] as const;
export type ChatMessageKind = (typeof CHAT_MESSAGE_KINDS)[number];

/** Files a citizen or agent may send: checked by content, not by name. */
export const CHAT_FILE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export const CHAT_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** The longest text message, in characters. */
export const CHAT_TEXT_MAX = 2000;
/** A waiting citizen gets a first human response within this many working minutes (SPEC §3.2). */
export const FIRST_RESPONSE_MINUTES = 1;
