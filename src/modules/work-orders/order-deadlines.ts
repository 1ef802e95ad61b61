import { addWorkingDays, type HolidayCalendar } from '../../platform/calendar/index.js';
import type { WorkOrderType } from '../../contracts/enums/work-orders.js';

/** One order type's time limits as the settings table stores them. */
export interface OrderTypeLimits {
  code: WorkOrderType;
  nameZh: string;
  nameEn: string;
  workingDays: number;
  /** 办不成事: contact the citizen within this many working days (null: none) */
  contactDays: number | null;
}

/**
 * The shipped limits, from Shanghai 12345 practice (SPEC §3.4): consultation or suggestion 1
 * working day; help request or complaint 5; complex (after approval) 15; supervision and callback
 * re-check 3; 办不成事 "1/5/15": contact within 1, simple within 5 (15 after an approved extension).
 */
export const DEFAULT_ORDER_TYPES: OrderTypeLimits[] = [
  { code: 'consultation', nameZh: '咨询', nameEn: 'Consultation', workingDays: 1, contactDays: null },
  { code: 'suggestion', nameZh: '建议', nameEn: 'Suggestion', workingDays: 1, contactDays: null },
  { code: 'help_request', nameZh: '求助', nameEn: 'Help request', workingDays: 5, contactDays: null },
  { code: 'complaint', nameZh: '投诉', nameEn: 'Complaint', workingDays: 5, contactDays: null },
  { code: 'complex', nameZh: '复杂件（经审批）', nameEn: 'Complex (approved)', workingDays: 15, contactDays: null },
  { code: 'supervision', nameZh: '督办', nameEn: 'Supervision', workingDays: 3, contactDays: null },
  { code: 'callback_recheck', nameZh: '回访复核', nameEn: 'Callback re-check', workingDays: 3, contactDays: null },
  { code: 'blocked_service', nameZh: '“办不成事”', nameEn: 'Blocked service', workingDays: 5, contactDays: 1 },
];

/** An approved extension gives a complex order this many working days from the start of its clock. */
export const EXTENDED_WORKING_DAYS = 15;
/** A reopened order (unsatisfied callback) is handled again within the callback re-check limit. */
export const REOPEN_TYPE: WorkOrderType = 'callback_recheck';
/**
 * When an order is due: `limitDays` working days after the day its clock started, by close of
 * business (the working-time engine; 民法典 counting). A complaint received on Wednesday
 * 2026-09-30 at 16:00 with 5 working days is due on Tuesday 2026-10-13 at 17:00: National Day
 * 10-01…10-07 skipped, the make-up Saturday 10-10 counted.
 */
export function orderDueAt(cal: HolidayCalendar, closeOfBusiness: string, clockStart: Date, limitDays: number): string {
  return addWorkingDays(cal, clockStart, limitDays, closeOfBusiness).toISOString();
}
