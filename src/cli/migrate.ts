// `npm run migrate`: brings the database named by DATABASE_URL (or the SQLite default) up to date.
import { connectDatabase } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { loadConfig } from '../platform/config.js';

const config = loadConfig();
const db = connectDatabase(config.databaseUrl, config);
migrateToLatest(db)
  .then((applied) => console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date'))
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => db.destroy());
