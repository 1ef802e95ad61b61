import { AppError } from '../errors.js';

/**
 * Asia/Shanghai wall-clock helpers with a FIXED +08:00 offset.
 *
 * Why fixed: China has used UTC+8 all year round since it abolished daylight
 * saving time in 1991 (last DST summer: 1991). For every date this platform
 * handles (1992 onward) the offset is therefore constant, and a fixed offset
 * is exact, fast and independent of the host's time zone or ICU data — a
 * server in UTC and a laptop in Europe compute the same deadlines.
 * Do NOT use these helpers for dates before 1992.
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

function invalid(en: string, zh: string, details?: unknown): AppError {
  return new AppError('VALIDATION_FAILED', { en, zh }, details);
}

function assertValidInstant(at: Date): number {
  const t = at instanceof Date ? at.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw invalid('Invalid Date instant.', '无效的时间。');
  return t;
}

/** UTC epoch millis of 00:00 Shanghai on `date`; validates the YYYY-MM-DD string strictly. */
export function shanghaiMidnight(date: string): number {
  const m = DATE_RE.exec(date);
  const utc = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // Round-trip check rejects 2026-02-30, 2026-13-01 and two-digit-year quirks of Date.UTC.
  if (!m || Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== date) {
    throw invalid(
      `Invalid date "${date}": expected an existing calendar date as YYYY-MM-DD.`,
      `日期“${date}”无效，应为 YYYY-MM-DD 格式的真实日期。`,
      { date },
    );
  }
  return utc - SHANGHAI_OFFSET_MS;
}

/**
 * Minutes since midnight for 'HH:MM' (00:00–23:59; '24:00' only when `allowEndOfDay`).
 * Exists so service hours, close of business and atShanghai share one strict parser.
 */
export function parseHHMM(hhmm: string, allowEndOfDay = false): number {
  const m = typeof hhmm === 'string' ? TIME_RE.exec(hhmm) : null;
  const h = m ? Number(m[1]) : -1;
  const min = m ? Number(m[2]) : -1;
  const ok = m !== null && min < 60 && (h < 24 || (allowEndOfDay && h === 24 && min === 0));
  if (!ok) {
    throw invalid(
      `Invalid time "${String(hhmm)}": expected HH:MM (00:00–23:59${allowEndOfDay ? ' or 24:00' : ''}).`,
      `时间“${String(hhmm)}”无效，应为 HH:MM 格式（00:00–23:59${allowEndOfDay ? ' 或 24:00' : ''}）。`,
      { time: hhmm },
    );
  }
  return h * 60 + min;
}

/** The Shanghai calendar date (YYYY-MM-DD) of an instant: deadlines are counted in Shanghai days, not UTC days. */
export function shanghaiDate(at: Date): string {
  return new Date(assertValidInstant(at) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai wall-clock time of an instant as 'HH:MM' (seconds truncated), for display and logs. */
export function shanghaiTime(at: Date): string {
  return new Date(assertValidInstant(at) + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** Milliseconds elapsed since 00:00 Shanghai on the instant's Shanghai date (0 ≤ result < 1 day). */
export function shanghaiMillisOfDay(at: Date): number {
  const local = assertValidInstant(at) + SHANGHAI_OFFSET_MS;
  return ((local % DAY_MS) + DAY_MS) % DAY_MS;
}

/**
 * The instant at which Shanghai wall clocks show `hhmm` on `date`. '24:00' is accepted and
 * means the end of that day (= 00:00 of the next day), matching 民法典 art. 203 ("截止时间为二十四时").
 */
export function atShanghai(date: string, hhmm: string): Date {
  return new Date(shanghaiMidnight(date) + parseHHMM(hhmm, true) * 60_000);
}

/** Calendar arithmetic on YYYY-MM-DD strings (no time zone involved), e.g. addDays('2026-09-30', 1) = '2026-10-01'. */
export function addDays(date: string, days: number): string {
  return new Date(shanghaiMidnight(date) + SHANGHAI_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** Day of week of a YYYY-MM-DD date: 0 = Sunday … 6 = Saturday (same convention as Date#getDay). */
export function dayOfWeek(date: string): number {
  return new Date(shanghaiMidnight(date) + SHANGHAI_OFFSET_MS).getUTCDay();
}
