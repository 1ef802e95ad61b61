import { shanghaiDate, shanghaiTime } from '../calendar/index.js';

/** 2026-10-08 → 2026年10月8日 (as the paper forms write dates); blanks to fill by hand when unknown. */
export function chineseDate(date: string | null): string {
  if (!date) return '    年    月    日';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant as the forms write it in Beijing time: 2026年10月8日 16:00 (blank when unknown). */
export function chineseDateTime(iso: string | null): string {
  if (!iso) return '';
  const at = new Date(iso);
  return `${chineseDate(shanghaiDate(at))} ${shanghaiTime(at).slice(0, 5)}`;
}

/** A tick box of a printed form: ■ chosen, □ not. */
export const box = (on: boolean) => (on ? '■' : '□');

/** 是 / 否 boxes of a yes-no question, both empty while unanswered. */
export const yesNo = (v: boolean | null) => `${box(v === true)}是  ${box(v === false)}否`;
