import { z } from 'zod';

import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../contracts/enums.js';

export { CHANNEL_LABELS, CHANNELS, type Channel };

/** The shipped defaults of seed art. 9. */
export const DEFAULT_HOURS: Record<Channel, { start: string; end: string }[]> = {
  live_help: [
    { start: '09:00', end: '11:30' },
    { start: '13:30', end: '16:30' },
  ],
  offline_hall: [
    { start: '09:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
};

export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real date',
  );
export const ZDayParams = z.object({ date: ZDate });
export const ZSetDay = z.object({ kind: z.enum(['holiday', 'workday']), name: z.string().trim().max(40).optional() });
export const ZYear = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const ZImportYear = z.object({
  year: z.number().int().min(2000).max(2100),
  replace: z.boolean().default(true),
  days: z
    .array(z.object({ date: ZDate, kind: z.enum(['holiday', 'workday']), name: z.string().trim().max(40).optional() }))
    .min(1)
    .max(366),
});
export type TImportYear = z.infer<typeof ZImportYear>;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
export const ZChannelParams = z.object({ channel: z.enum(CHANNELS) });
export const ZServiceHours = z.object({
  periods: z
    .array(z.object({ start: HHMM, end: HHMM }))
    .min(1)
    .max(6),
});

export const ZDeadlineQuery = z.object({
  from: z.iso.datetime({ offset: true }),
  workingDays: z.coerce.number().int().min(0).max(60).optional(),
  workingMinutes: z.coerce
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .optional(),
  channel: z.enum(CHANNELS).default('live_help'),
});
