import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { isPostgres, type Db } from './connect.js';
import * as m001 from './migrations/001-foundation.js';
import * as m002 from './migrations/002-knowledge-bot.js';
import * as m003 from './migrations/003-callback-handling.js';
import * as m004 from './migrations/004-event-delivery-jobs.js';
import * as m005 from './migrations/005-modules-ratings-callbacks.js';
import * as m006 from './migrations/006-security-hardening.js';
import * as m007 from './migrations/007-generic-guide-links.js';
import * as m008 from './migrations/008-event-wakeup.js';
import * as m009 from './migrations/009-livechat.js';
import * as m010 from './migrations/010-bot-learning.js';
import * as m011 from './migrations/011-duty-conduct.js';
import * as m012 from './migrations/012-phone.js';
import * as m013 from './migrations/013-work-orders.js';
import * as m014 from './migrations/014-notifications.js';
import * as m015 from './migrations/015-livechat-department-overdue.js';
import * as m016 from './migrations/016-api-clients.js';
import * as m017 from './migrations/017-livechat-timer-file-retention.js';
import * as m018 from './migrations/018-phone-forms.js';
import * as m019 from './migrations/019-event-wakeup-after-commit.js';

type Step = { up(db: Db, postgres: boolean): Promise<void> };

/** All migrations in order; the same list runs on SQLite and PostgreSQL. */
const STEPS: Record<string, Step> = {
  '001-foundation': m001,
  '002-knowledge-bot': m002,
  '003-callback-handling': m003,
  '004-event-delivery-jobs': m004,
  '005-modules-ratings-callbacks': m005,
  '006-security-hardening': m006,
  '007-generic-guide-links': m007,
  '008-event-wakeup': m008,
  '009-livechat': m009,
  '010-bot-learning': m010,
  '011-duty-conduct': m011,
  '012-phone': m012,
  '013-work-orders': m013,
  '014-notifications': m014,
  '015-livechat-department-overdue': m015,
  '016-api-clients': m016,
  '017-livechat-timer-file-retention': m017,
  '018-phone-forms': m018,
  '019-event-wakeup-after-commit': m019,
};

class InCodeProvider implements MigrationProvider {
  constructor(private postgres: boolean) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, step] of Object.entries(STEPS)) {
      out[name] = { up: (db) => step.up(db as Db, this.postgres) };
    }
    return out;
  }
}

/** Brings the schema up to date; safe to call from several nodes at once (Kysely's migration lock). */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new InCodeProvider(isPostgres(db)) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
