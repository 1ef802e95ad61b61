import type { AppConfig } from './config.js';
import type { Clock } from './clock.js';
import type { Db } from './db/connect.js';
import type { EventFeed } from './events/event-feed.js';
import type { JobRunner } from './jobs/job-runner.js';

/**
 * What every module's routes and jobs receive: the database, configuration, clock and shared
 * runners. Modules add the services they share (e.g. `workingTime`, `botIndex`) by declaration
 * merging in their `*.module.ts`, and create them in their `services` hook.
 */
export interface AppContext {
  db: Db;
  config: AppConfig;
  clock: Clock;
  feed: EventFeed;
  jobs: JobRunner;
}
