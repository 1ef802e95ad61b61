import type { Lang } from '../i18n/index.js';

/** Every date and time is shown in Beijing time, 24-hour, whatever the browser's zone. */
const TZ = 'Asia/Shanghai';

function parts(iso: string | Date): Record<string, string> {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(d))
    out[p.type] = p.value;
  return out;
}

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2026年10月8日 / 8 October 2026 */
export function formatDate(iso: string | Date, lang: Lang): string {
  const p = parts(iso);
  return lang === 'zh'
    ? `${p.year}年${Number(p.month)}月${Number(p.day)}日`
    : `${Number(p.day)} ${MONTHS_EN[Number(p.month) - 1]} ${p.year}`;
}

/** 09:30 */
export function formatTime(iso: string | Date): string {
  const p = parts(iso);
  return `${p.hour}:${p.minute}`;
}

/** 2026年10月8日 09:30 */
export function formatDateTime(iso: string | Date | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return `${formatDate(iso, lang)} ${formatTime(iso)}`;
}

/** A calendar date (YYYY-MM-DD, no zone) in words: 2026年10月8日. */
export function formatPlainDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

export function weekdayName(weekday: number, lang: Lang): string {
  return (lang === 'zh' ? WEEKDAYS_ZH : WEEKDAYS_EN)[weekday] ?? '';
}

/** Today's date in Beijing as YYYY-MM-DD, and its weekday (0 = Sunday). */
export function beijingToday(now: Date = new Date()): { date: string; weekday: number } {
  const p = parts(now);
  const date = `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`;
  return { date, weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday) };
}

/** Is the given instant on the same Beijing calendar day as now? */
export function isSameBeijingDay(a: string | Date, b: string | Date): boolean {
  const pa = parts(a),
    pb = parts(b);
  return pa.year === pb.year && pa.month === pb.month && pa.day === pb.day;
}

/** The name of an enumeration value in the user's language (the key itself when the map does not know it). */
export function label(
  map: Record<string, { zh: string; en: string }>,
  key: string | null | undefined,
  lang: Lang,
): string {
  if (!key) return '';
  const l = map[key];
  return l ? l[lang] : key;
}
