import type { DbOrTrx } from '../../platform/db/connect.js';
import {
  createCalendar,
  parseServiceHours,
  type DayOverride,
  type HolidayCalendar,
  type ServiceHours,
} from '../../platform/calendar/index.js';
import { DEFAULT_HOURS, type Channel } from './calendar.schemas.js';

/** All holiday and make-up-workday overrides stored for the bureau. */
export async function loadOverrides(db: DbOrTrx): Promise<DayOverride[]> {
  const rows = await db.selectFrom('calendar_days').select(['date', 'kind', 'name']).orderBy('date').execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind as DayOverride['kind'], name: r.name ?? undefined }));
}

export async function loadCalendar(db: DbOrTrx): Promise<HolidayCalendar> {
  return createCalendar(await loadOverrides(db));
}

/** Years that have at least one override: a year without any was never entered. */
export async function coveredYears(db: DbOrTrx): Promise<number[]> {
  const rows = await db.selectFrom('calendar_days').select('date').execute();
  return [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))].sort();
}

/** Service hours of a channel, falling back to the shipped default. */
export async function loadServiceHours(db: DbOrTrx, channel: Channel): Promise<ServiceHours> {
  const row = await db.selectFrom('service_hours').select('periods').where('channel', '=', channel).executeTakeFirst();
  return parseServiceHours({ periods: row ? JSON.parse(row.periods) : DEFAULT_HOURS[channel] });
}
