import type { Db } from '../../platform/db/connect.js';
import type { EventFeed } from '../../platform/events/event-feed.js';
import type { HolidayCalendar, ServiceHours } from '../../platform/calendar/index.js';
import { loadCalendar, loadServiceHours } from './calendar.repo.js';
import { CHANNELS, type Channel } from './calendar.schemas.js';

/**
 * The calendar and service hours as every module needs them, cached per process and dropped
 * whenever any node records a calendar change (via the shared event feed).
 */
export class WorkingTimeService {
  private calendar: Promise<HolidayCalendar> | null = null;
  private hours = new Map<Channel, Promise<ServiceHours>>();

  constructor(
    private db: Db,
    feed?: EventFeed,
  ) {
    feed?.subscribe({
      name: 'working-time',
      types: ['calendar.*', 'service_hours.*'],
      handle: () => this.invalidate(),
    });
  }

  getCalendar(): Promise<HolidayCalendar> {
    this.calendar ??= loadCalendar(this.db).catch((e) => {
      this.calendar = null;
      throw e;
    });
    return this.calendar;
  }

  getHours(channel: Channel): Promise<ServiceHours> {
    if (!this.hours.has(channel))
      this.hours.set(
        channel,
        loadServiceHours(this.db, channel).catch((e) => {
          this.hours.delete(channel);
          throw e;
        }),
      );
    return this.hours.get(channel)!;
  }

  /** When a "N working days" deadline ends: the close of the service hall's last period (17:00 by default). */
  async closeOfBusiness(): Promise<string> {
    return (await this.getHours('offline_hall')).periods.at(-1)!.end;
  }

  async allHours(): Promise<Record<Channel, ServiceHours>> {
    const entries = await Promise.all(CHANNELS.map(async (c) => [c, await this.getHours(c)] as const));
    return Object.fromEntries(entries) as Record<Channel, ServiceHours>;
  }

  invalidate(): void {
    this.calendar = null;
    this.hours.clear();
  }
}
