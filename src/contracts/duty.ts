import { z } from 'zod';
import { ZBilingual } from './common.js';
import { DUTY_REASONS, DUTY_STATUSES, ROLES } from './enums.js';

/** Live-help duty: an agent's own status, the roster, the sign-in records (seed art. 7). */

/** A member of staff as the roster and the records name them (with the 工号 citizens see). */
export const ZDutyStaff = z.object({
  userId: z.string(),
  displayName: z.string(),
  workNumber: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
});
export type TDutyStaff = z.infer<typeof ZDutyStaff>;

const ZPeriod = z.object({ start: z.string(), end: z.string() });

/** What the duty switch shows: on or off, today's roster and live-help hours, and whether signing in is possible now. */
export const ZDutyMe = z.object({
  status: z.enum(DUTY_STATUSES),
  /** when the current sign-in happened (null when off duty) */
  since: z.string().nullable(),
  /** minutes late of the current sign-in (0 when on time or not rostered) */
  lateMinutes: z.number().int(),
  /** Asia/Shanghai date */
  today: z.string(),
  workingDay: z.boolean(),
  rosteredToday: z.boolean(),
  /** today's live-help hours */
  hours: z.array(ZPeriod),
  withinHours: z.boolean(),
  canSignIn: z.boolean(),
  /** why signing in is not possible now (outside hours, not a duty role) */
  reason: ZBilingual.nullable(),
  /** the next opening of live help (now when open) */
  nextOpening: z.string(),
});
export type TDutyMe = z.infer<typeof ZDutyMe>;

export const ZRosterDay = z.object({
  date: z.string(),
  workingDay: z.boolean(),
  staff: z.array(ZDutyStaff),
});
export const ZRoster = z.object({
  days: z.array(ZRosterDay),
  /** everyone who can be rostered (active window and business agents in the reader's scope) */
  candidates: z.array(ZDutyStaff),
});
export type TRoster = z.infer<typeof ZRoster>;
export const ZRosterSaved = z.object({ days: z.number().int() });

export const ZDutyRecord = ZDutyStaff.extend({
  id: z.string(),
  date: z.string(),
  rostered: z.boolean(),
  signedInAt: z.string(),
  lateMinutes: z.number().int(),
  signedOutAt: z.string().nullable(),
  signOutReason: z.enum(DUTY_REASONS).nullable(),
  earlyMinutes: z.number().int().nullable(),
});
export type TDutyRecord = z.infer<typeof ZDutyRecord>;

/** Sign-in records for the supervisor, with rostered staff who never signed in, and who is on duty now. */
export const ZDutyRecords = z.object({
  items: z.array(ZDutyRecord),
  absent: z.array(ZDutyStaff.extend({ date: z.string() })),
  onDuty: z.array(ZDutyStaff.extend({ since: z.string() })),
});
export type TDutyRecords = z.infer<typeof ZDutyRecords>;
