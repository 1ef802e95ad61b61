import { afterAll, beforeAll } from 'vitest';
import { connectDatabase, type Db } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createTestDb, type TestDb } from './test-db.js';

export interface SharedTestDb {
  /** the first "node"'s connection and the database itself */
  t: TestDb;
  /** a second connection to the same database, as another node would have */
  second: Db;
}

/**
 * One migrated database for a test file with two connections to it (two "nodes"), opened before
 * the file's tests and dropped after them; read the fields inside tests (they are set in beforeAll).
 */
export function useSharedTestDb(): SharedTestDb {
  const shared = {} as SharedTestDb;
  beforeAll(async () => {
    shared.t = await createTestDb(undefined, { shared: true });
    await migrateToLatest(shared.t.db);
    shared.second = connectDatabase(shared.t.url);
  });
  afterAll(async () => {
    await shared.second.destroy();
    await shared.t.drop();
  });
  return shared;
}
