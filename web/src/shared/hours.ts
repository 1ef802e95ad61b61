import type { Lang } from '../i18n/index.js';
import type { TPeriod } from '../../../src/contracts/calendar.js';
import { formatDate, formatTime, isSameBeijingDay } from './format.js';

/** 09:00–11:30、13:30–16:30 */
export function formatPeriods(periods: TPeriod[], lang: Lang): string {
  return periods.map((p) => `${p.start}–${p.end}`).join(lang === 'zh' ? '、' : ', ');
}

/** "今天 13:30", "明天（2026年11月27日）09:00" or "2026年11月30日 09:00" for the next opening. */
export function formatOpening(iso: string, now: string, lang: Lang): string {
  const time = formatTime(iso);
  const date = formatDate(iso, lang);
  if (isSameBeijingDay(iso, now)) return lang === 'zh' ? `今天 ${time}` : `today at ${time}`;
  if (isSameBeijingDay(iso, new Date(new Date(now).getTime() + 86_400_000))) {
    return lang === 'zh' ? `明天（${date}）${time}` : `tomorrow (${date}) at ${time}`;
  }
  return lang === 'zh' ? `${date} ${time}` : `${date} at ${time}`;
}
