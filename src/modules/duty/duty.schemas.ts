import { z } from 'zod';
import { ZDate } from '../calendar/calendar.schemas.js';

/** The longest range the roster is read or edited in one request. */
export const MAX_ROSTER_DAYS = 92;

/** A range of dates to read (at most MAX_ROSTER_DAYS). */
export const ZRosterQuery = z
  .object({ from: ZDate, to: ZDate })
  .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < MAX_ROSTER_DAYS, {
    message: `at most ${MAX_ROSTER_DAYS} days`,
    path: ['to'],
  });

/**
 * The roster of every working day from `from` to `to` (matching `weekdays`, 0 = Sunday … 6 =
 * Saturday, when given) becomes exactly `userIds`; one date: from = to.
 */
export const ZSetRoster = z
  .object({
    from: ZDate,
    to: ZDate,
    weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7).optional(),
    userIds: z.array(z.string().min(1).max(64)).max(200),
  })
  .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < MAX_ROSTER_DAYS, {
    message: `at most ${MAX_ROSTER_DAYS} days`,
    path: ['to'],
  });
export type TSetRoster = z.infer<typeof ZSetRoster>;

/** A range of dates, or the server's today / this month (so the browser's clock does not decide). */
export const ZRecordsQuery = z
  .object({ from: ZDate.optional(), to: ZDate.optional(), period: z.enum(['today', 'month']).optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'from must not be after to', path: ['to'] });
