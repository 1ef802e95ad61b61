import { beijingToday } from './format.js';
import { useApiQuery } from '../api/query.js';
import type { TCalendarDay } from '../../../src/contracts/calendar.js';

/** Is today (Beijing) a working day? From the holiday calendar, with its make-up workdays. */
export function useTodayKind(): {
  date: string;
  weekday: number;
  working: boolean | undefined;
  holidayName: string | null;
} {
  const today = beijingToday();
  const year = Number(today.date.slice(0, 4));
  const days = useApiQuery<{ days: TCalendarDay[] }>('/api/calendar/days', { year });
  if (!days.data) return { ...today, working: undefined, holidayName: null };
  const special = days.data.days.find((d) => d.date === today.date);
  const working = special ? special.kind === 'workday' : today.weekday !== 0 && today.weekday !== 6;
  return { ...today, working, holidayName: special?.name ?? null };
}
