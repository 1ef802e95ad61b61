import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import type { StoredEvent } from '../../../platform/events/event-feed.js';
import type { HolidayCalendar, ServiceHours } from '../../../platform/calendar/index.js';
import { isOnDuty } from '../duty.queries.js';
import { signOut } from '../use-cases/sign-out.js';

/**
 * An agent who signs out of Bangban (auth.logout) also signs out of live-help duty, at the time
 * they left: otherwise chats would go on being routed to someone who is gone. Their open chats are
 * then handed over like on any duty sign-out. Runs as a durable consumer; a second delivery finds
 * them off duty already and does nothing.
 */
export async function signOutOnLogout(
  db: Db,
  e: StoredEvent,
  cal: HolidayCalendar,
  hours: ServiceHours,
): Promise<boolean> {
  const userId = e.actorId;
  if (!userId || !(await isOnDuty(db, userId))) return false;
  try {
    await signOut(
      db,
      { userId, label: '退出登录时签出 signed out with the session' },
      new Date(e.createdAt),
      cal,
      hours,
      { userId, reason: 'self' },
    );
    return true;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'INVALID_TRANSITION')) return false;
    throw err;
  }
}
