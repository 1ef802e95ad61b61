import type { AppConfig } from './config.js';
import type { Clock } from './clock.js';
import type { Db } from './db/connect.js';
import type { EventFeed } from './events/event-feed.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { WorkingTimeService } from '../modules/calendar/working-time-service.js';
import type { BotIndex } from '../modules/bot/bot-index.js';

/** What every module's routes and jobs receive: the database, configuration, clock and shared runners. */
export interface AppContext {
  db: Db;
  config: AppConfig;
  clock: Clock;
  feed: EventFeed;
  jobs: JobRunner;
  /** the holiday calendar and service hours, cached and refreshed across nodes */
  workingTime: WorkingTimeService;
  /** the live knowledge base as the bot searches it, kept fresh from the event feed */
  botIndex: BotIndex;
}
