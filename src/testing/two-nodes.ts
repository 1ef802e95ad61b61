import { connectDatabase } from '../platform/db/connect.js';
import { createTestApp, type TestApp } from './test-app.js';
import { createTestDb } from './test-db.js';

export interface TwoNodes {
  a: TestApp;
  b: TestApp;
  close(): Promise<void>;
}

/** Two server "nodes" with their own connections to one shared database (a SQLite file or PostgreSQL). */
export async function createTwoNodes(): Promise<TwoNodes> {
  const shared = await createTestDb(undefined, { shared: true });
  const a = await createTestApp({ testDb: shared });
  const second = connectDatabase(shared.url);
  const b = await createTestApp({ testDb: { db: second, url: shared.url, drop: () => second.destroy() } });
  return {
    a,
    b,
    close: async () => {
      await a.close();
      await b.close();
      await b.testDb.drop();
      await shared.drop();
    },
  };
}
