import { z } from 'zod';
import { ZBilingual, listOf } from './common.js';
import { CHANNELS, DAY_KINDS, DAY_SOURCES } from './enums.js';

/** Answers of the working-time calendar: holidays, make-up workdays, service hours, deadlines. */

export const ZPeriod = z.object({ start: z.string(), end: z.string() });
export type TPeriod = z.infer<typeof ZPeriod>;

export const ZCalendarYears = z.object({
  covered: z.array(z.number()),
  preloaded: z.array(z.number()),
  warnings: z.array(
    z.object({
      code: z.enum(['CALENDAR_NEXT_YEAR_MISSING', 'CALENDAR_CURRENT_YEAR_MISSING']),
      year: z.number(),
      message: ZBilingual,
    }),
  ),
});
export type TCalendarYears = z.infer<typeof ZCalendarYears>;

export const ZCalendarDay = z.object({
  date: z.string(),
  kind: z.enum(DAY_KINDS),
  name: z.string().nullable(),
  source: z.enum(DAY_SOURCES),
  weekday: z.number(),
});
export type TCalendarDay = z.infer<typeof ZCalendarDay>;
export const ZCalendarDays = z.object({ year: z.number(), days: z.array(ZCalendarDay) });

/** A calendar change: open deadlines it moved (callbacks' due times, policies' publish-by dates). */
export const ZCalendarChanged = z.object({ ok: z.boolean(), recomputed: z.number() });
export const ZImportedYear = z.object({ imported: z.number(), recomputed: z.number() });

export const ZServiceHours = listOf(
  z.object({ channel: z.enum(CHANNELS), label: ZBilingual, periods: z.array(ZPeriod) }),
);
export type TServiceHours = z.infer<typeof ZServiceHours>;

export const ZChannelStatus = z.object({
  label: ZBilingual,
  periods: z.array(ZPeriod),
  open: z.boolean(),
  nextOpening: z.string().nullable(),
});
export type TChannelStatus = z.infer<typeof ZChannelStatus>;
export const ZServiceStatus = z.object({
  now: z.string(),
  channels: z.object({ live_help: ZChannelStatus, offline_hall: ZChannelStatus }),
});
export type TServiceStatus = z.infer<typeof ZServiceStatus>;

export const ZDeadline = z.object({ from: z.string(), due: z.string() });
export type TDeadline = z.infer<typeof ZDeadline>;
