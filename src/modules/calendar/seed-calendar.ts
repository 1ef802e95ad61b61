import type { Db } from '../../platform/db/connect.js';
import { takeSeedLock } from '../../platform/db/seed-lock.js';
import { chinaHolidayOverrides, PRELOADED_YEARS } from '../../platform/calendar/index.js';
import { recordEvent, SYSTEM_ACTOR } from '../../platform/events/record-event.js';
import { CHANNELS, DEFAULT_HOURS } from './calendar.schemas.js';

/** The package carries years back to 2004; a bureau starting now needs only the current ones. */
const FIRST_PRELOADED_YEAR = 2025;

/** Preloads the mainland-China holidays of the packaged years that have no entries yet, and default hours. */
export async function seedCalendar(db: Db, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await takeSeedLock(trx);
    const have = new Set(
      (await trx.selectFrom('calendar_days').select('date').execute()).map((r) => r.date.slice(0, 4)),
    );
    const missing = PRELOADED_YEARS.filter((y) => y >= FIRST_PRELOADED_YEAR && !have.has(String(y)));
    if (missing.length) {
      for (const d of chinaHolidayOverrides(missing)) {
        await trx
          .insertInto('calendar_days')
          .values({
            date: d.date,
            kind: d.kind,
            name: d.name ?? null,
            source: 'preloaded',
            updated_at: now.toISOString(),
          })
          .onConflict((oc) => oc.column('date').doNothing())
          .execute();
      }
      await recordEvent(trx, SYSTEM_ACTOR, now, { type: 'calendar.preloaded', data: { years: missing } });
    }
    for (const c of CHANNELS) {
      await trx
        .insertInto('service_hours')
        .values({ channel: c, periods: JSON.stringify(DEFAULT_HOURS[c]), updated_at: now.toISOString() })
        .onConflict((oc) => oc.column('channel').doNothing())
        .execute();
    }
  });
}
