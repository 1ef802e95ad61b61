import { AppError } from '../errors.js';
import { parseHHMM } from './shanghai-time.js';

/**
 * Daily opening hours of a channel on working days, in Shanghai time, e.g. live help
 * 09:00–11:30 and 13:30–16:30. Each period is half-open [start, end): a channel open
 * 09:00–11:30 is closed at 11:30:00. `end` may be '24:00'; periods cannot span midnight.
 */
export type ServiceHours = { periods: { start: string /* HH:MM */; end: string /* HH:MM */ }[] };

/** A period in minutes since Shanghai midnight, as used by the engine. */
export type MinutePeriod = { start: number; end: number };

function bad(en: string, zh: string, details?: unknown): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    { en: `Invalid service hours: ${en}`, zh: `服务时间设置有误：${zh}` },
    details,
  );
}

/**
 * Validates untrusted service hours (admin form, config file) and returns them sorted by
 * start time. Exists so a typo such as '13:30–11:30' or overlapping periods fails loudly at
 * save time instead of silently shifting every citizen's deadline. Touching periods are allowed.
 */
export function parseServiceHours(input: unknown): ServiceHours {
  const periods = (input as { periods?: unknown } | null)?.periods;
  if (!Array.isArray(periods) || periods.length === 0) {
    throw bad('at least one period { start, end } is required.', '至少需要一个服务时段（开始、结束时间）。');
  }
  const parsed = periods
    .map((p: unknown, i) => {
      const { start, end } = (p ?? {}) as { start?: unknown; end?: unknown };
      if (typeof start !== 'string' || typeof end !== 'string') {
        throw bad(
          `period #${i + 1} needs string start and end ('HH:MM').`,
          `第 ${i + 1} 个时段缺少开始或结束时间（HH:MM）。`,
          { index: i },
        );
      }
      const s = parseHHMM(start);
      const e = parseHHMM(end, true);
      if (s >= e) {
        throw bad(
          `period #${i + 1} ${start}–${end} ends before it starts (periods cannot span midnight).`,
          `第 ${i + 1} 个时段 ${start}–${end} 的结束时间不晚于开始时间（时段不能跨越午夜）。`,
          { index: i },
        );
      }
      return { start, end, s, e };
    })
    .sort((a, b) => a.s - b.s);
  for (let i = 1; i < parsed.length; i++) {
    const prev = parsed[i - 1];
    const cur = parsed[i];
    if (cur.s < prev.e) {
      throw bad(
        `periods ${prev.start}–${prev.end} and ${cur.start}–${cur.end} overlap.`,
        `时段 ${prev.start}–${prev.end} 与 ${cur.start}–${cur.end} 重叠。`,
      );
    }
  }
  return { periods: parsed.map(({ start, end }) => ({ start, end })) };
}

/** Validated periods in minutes, for the engine; re-validates so hand-built objects are safe too. */
export function toMinutePeriods(hours: ServiceHours): MinutePeriod[] {
  return parseServiceHours(hours).periods.map((p) => ({ start: parseHHMM(p.start), end: parseHHMM(p.end, true) }));
}
