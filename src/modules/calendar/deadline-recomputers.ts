import type { Trx } from '../../platform/db/connect.js';
import type { HolidayCalendar } from '../../platform/calendar/index.js';
import { recordEvent, type Actor } from '../../platform/events/record-event.js';
import { loadCalendar, loadServiceHours } from './calendar.repo.js';

/** The working time as it stands inside the calendar edit's transaction, after the change. */
export interface ChangedWorkingTime {
  calendar: HolidayCalendar;
  /** when a "N working days" deadline ends on its last day (the service hall's close, 17:00 by default) */
  closeOfBusiness: string;
  /** the Shanghai dates the edit changed (inclusive); deadlines not spanning them stay as they are */
  changed: { from: string; to: string };
}

/**
 * Recomputes one kind of stored deadline after a calendar edit: updates the open rows whose
 * deadline moved and returns how many. Runs in the edit's transaction, so both commit together.
 */
export type DeadlineRecomputer = (trx: Trx, workingTime: ChangedWorkingTime, now: Date) => Promise<number>;

const recomputers = new Map<string, DeadlineRecomputer>();

/** A module with stored deadlines registers how to recompute them (once per kind; again replaces). */
export function registerDeadlineRecomputer(kind: string, recompute: DeadlineRecomputer): void {
  recomputers.set(kind, recompute);
}

/**
 * Runs every registered recomputer after holidays or make-up workdays changed (e.g. the 2027
 * schedule entered late), records one `calendar.deadlines_recomputed` event with the count per
 * kind when something moved, and returns the total for the administrator's screen.
 */
export async function recomputeDeadlines(
  trx: Trx,
  actor: Actor,
  now: Date,
  changed: { from: string; to: string },
): Promise<number> {
  const calendar = await loadCalendar(trx);
  const closeOfBusiness = (await loadServiceHours(trx, 'offline_hall')).periods.at(-1)!.end;
  const counts: Record<string, number> = {};
  let total = 0;
  for (const [kind, recompute] of recomputers) {
    const n = await recompute(trx, { calendar, closeOfBusiness, changed }, now);
    if (n) counts[kind] = n;
    total += n;
  }
  if (total)
    await recordEvent(trx, actor, now, {
      type: 'calendar.deadlines_recomputed',
      subjectType: 'calendar_days',
      subjectId: changed.from === changed.to ? changed.from : `${changed.from}..${changed.to}`,
      subjectLabel: changed.from === changed.to ? changed.from : `${changed.from} – ${changed.to}`,
      data: { counts, total, from: changed.from, to: changed.to },
    });
  return total;
}
