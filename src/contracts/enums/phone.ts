/** Phone consultation (SPEC §3.3, seed art. 10.1, annex 3): call types, call and transfer-form statuses. */
import type { Bilingual } from './common.js';

/** 咨询类型 of annex 3, in the annex's order: 水利 / 供水 / 排水 / 海洋 / 其它. */
export const PHONE_CALL_TYPES = ['water', 'supply', 'drainage', 'ocean', 'other'] as const;
export type PhoneCallType = (typeof PHONE_CALL_TYPES)[number];
export const PHONE_CALL_TYPE_LABELS: Record<PhoneCallType, Bilingual> = {
  water: { zh: '水利', en: 'Water resources' },
  supply: { zh: '供水', en: 'Water supply' },
  drainage: { zh: '排水', en: 'Drainage' },
  ocean: { zh: '海洋', en: 'Ocean' },
  other: { zh: '其它', en: 'Other' },
};

/** A logged call: open (being handled) → answered on the spot | transferred (a transfer form). */
export const PHONE_CALL_STATUSES = ['open', 'answered', 'transferred'] as const;
export type PhoneCallStatus = (typeof PHONE_CALL_STATUSES)[number];
export const PHONE_CALL_STATUS_LABELS: Record<PhoneCallStatus, Bilingual> = {
  open: { zh: '待处理', en: 'Open' },
  answered: { zh: '当场解答', en: 'Answered on the spot' },
  transferred: { zh: '已转办', en: 'Transferred' },
};

/**
 * 电话咨询答复流转单: transferred (the department replies within 1 working day) → replied (back at
 * the window) → closed (KB updated, or why not); the department may return it (wrong department),
 * and the window transfers it again.
 */
export const PHONE_FORM_STATUSES = ['transferred', 'returned', 'replied', 'closed'] as const;
export type PhoneFormStatus = (typeof PHONE_FORM_STATUSES)[number];
export const PHONE_FORM_STATUS_LABELS: Record<PhoneFormStatus, Bilingual> = {
  transferred: { zh: '待部门答复', en: 'Awaiting the department' },
  returned: { zh: '已退回窗口', en: 'Returned to the window' },
  replied: { zh: '部门已答复', en: 'Replied' },
  closed: { zh: '已办结', en: 'Closed' },
};
