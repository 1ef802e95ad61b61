import { SESSION_IDLE_MS } from '../../../platform/auth/sessions.js';
import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import type { HolidayCalendar, ServiceHours } from '../../../platform/calendar/index.js';
import { dutyDay } from '../duty-times.js';
import { signOut } from '../use-cases/sign-out.js';

/**
 * The duty sweep: everyone still signed in after live help closed on the day they signed in is
 * signed out with reason 'end_of_hours'; during hours, an agent whose sign-in to Bangban ended
 * (idle or expired session, no live one left) is signed out with reason 'session_ended', so no
 * chat is routed to someone who is gone. Livechat then hands their chats over. Each sign-out is a
 * conditional move, so a second node or a second run signs nobody out twice.
 */
export async function signOutAtClose(
  db: Db,
  now: Date,
  cal: HolidayCalendar,
  hours: ServiceHours,
  batch = 200,
): Promise<number> {
  let done = 0;
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('duty_states')
      .leftJoin('duty_records', 'duty_records.id', 'duty_states.record_id')
      .select(['duty_states.id', 'duty_records.date', 'duty_states.since'])
      .where('duty_states.status', '=', 'on')
      .where('duty_states.id', '>', after)
      .orderBy('duty_states.id')
      .limit(batch)
      .execute();
    const signedIn = await withLiveSession(
      db,
      rows.map((r) => r.id),
      now,
    );
    for (const r of rows) {
      const date = r.date ?? (r.since ? r.since.slice(0, 10) : null);
      const open = !!date && now < dutyDay(hours, date).closes;
      if (open && signedIn.has(r.id)) continue;
      try {
        await signOut(db, SYSTEM_ACTOR, now, cal, hours, {
          userId: r.id,
          reason: open ? 'session_ended' : 'end_of_hours',
        });
        done++;
      } catch (err) {
        // signed out meanwhile (by themselves or by another node): nothing left to do
        if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'INVALID_TRANSITION')) continue;
        throw err;
      }
    }
    if (rows.length < batch) return done;
    after = rows.at(-1)!.id;
  }
}

/** Of these users, those with a session still valid at `now` (not expired, not idle). */
async function withLiveSession(db: Db, userIds: string[], now: Date): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await db
    .selectFrom('sessions')
    .select('user_id')
    .distinct()
    .where('user_id', 'in', userIds)
    .where('expires_at', '>', now.toISOString())
    .where('last_seen_at', '>', new Date(now.getTime() - SESSION_IDLE_MS).toISOString())
    .execute();
  return new Set(rows.map((r) => r.user_id));
}
