/** Hotline work orders and 办不成事 reports (SPEC §3.4, seed art. 10.3 and 13). */
import type { Bilingual } from './common.js';

/**
 * received → dispatched (a handling department) → handling → replied (with the result) →
 * called_back (the hotline office recorded the citizen's satisfaction) → closed. A department may
 * return an order to the dispatcher (returned, wrong department) or ask for more time
 * (extension_requested, then back to handling); an unsatisfied callback reopens it (handling).
 */
export const WORK_ORDER_STATUSES = [
  'received',
  'dispatched',
  'handling',
  'extension_requested',
  'returned',
  'replied',
  'called_back',
  'closed',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
export const WORK_ORDER_STATUS_LABELS: Record<WorkOrderStatus, Bilingual> = {
  received: { zh: '待派单', en: 'To dispatch' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  handling: { zh: '办理中', en: 'Handling' },
  extension_requested: { zh: '延期申请中', en: 'Extension requested' },
  returned: { zh: '已退回', en: 'Returned' },
  replied: { zh: '已答复', en: 'Replied' },
  called_back: { zh: '已回访', en: 'Called back' },
  closed: { zh: '已销单', en: 'Closed' },
};

/** The statuses in which the handling clock runs (the order is due, reminded, overdue). */
export const OPEN_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = [
  'received',
  'dispatched',
  'handling',
  'extension_requested',
  'returned',
];

/** What a citizen sees of the status when looking up a report by receipt number. */
export const WORK_ORDER_CITIZEN_STATUS: Record<WorkOrderStatus, Bilingual> = {
  received: { zh: '已受理，正在分派', en: 'Received, being assigned' },
  dispatched: { zh: '正在办理', en: 'Being handled' },
  handling: { zh: '正在办理', en: 'Being handled' },
  extension_requested: { zh: '正在办理', en: 'Being handled' },
  returned: { zh: '已受理，正在分派', en: 'Received, being assigned' },
  replied: { zh: '已答复', en: 'Replied' },
  called_back: { zh: '已答复', en: 'Replied' },
  closed: { zh: '已办结', en: 'Completed' },
};

/** Where an order came from. */
/** The moves of a work order (the state machine's actions; the API answers which ones a user may make). */
export const WORK_ORDER_ACTIONS = [
  'dispatch',
  'accept',
  'return',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'reply',
  'call_back',
  'reopen',
  'close',
] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

export const WORK_ORDER_SOURCES = [
  'hotline_12345',
  'online_report',
  'offline_report',
  'live_help',
  'bot_message',
] as const;
export type WorkOrderSource = (typeof WORK_ORDER_SOURCES)[number];
export const WORK_ORDER_SOURCE_LABELS: Record<WorkOrderSource, Bilingual> = {
  hotline_12345: { zh: '12345热线', en: '12345 hotline' },
  online_report: { zh: '线上“办不成事”', en: 'Blocked-service report (online)' },
  offline_report: { zh: '线下“办不成事”', en: 'Blocked-service report (window)' },
  live_help: { zh: '线上人工帮办', en: 'Live help' },
  bot_message: { zh: '小申留言', en: 'Bot message' },
};

/** Kinds of order, each with a time limit in working days (configurable in the settings table). */
export const WORK_ORDER_TYPES = [
  'consultation',
  'suggestion',
  'help_request',
  'complaint',
  'complex',
  'supervision',
  'callback_recheck',
  'blocked_service',
] as const;
export type WorkOrderType = (typeof WORK_ORDER_TYPES)[number];
export const WORK_ORDER_TYPE_LABELS: Record<WorkOrderType, Bilingual> = {
  consultation: { zh: '咨询', en: 'Consultation' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  help_request: { zh: '求助', en: 'Help request' },
  complaint: { zh: '投诉', en: 'Complaint' },
  complex: { zh: '复杂件（经审批）', en: 'Complex (approved)' },
  supervision: { zh: '督办', en: 'Supervision' },
  callback_recheck: { zh: '回访复核', en: 'Callback re-check' },
  blocked_service: { zh: '“办不成事”', en: 'Blocked service' },
};

/** 回访满意度 uses the five national levels of RATING_LABELS (5 = 非常满意 … 1 = 非常不满意); 1–2 reopen. */
export const WORK_ORDER_UNSATISFIED_MAX = 2;
