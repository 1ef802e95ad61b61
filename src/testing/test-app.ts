import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app.js';
import { fixedClock } from '../platform/clock.js';
import { DEFAULT_CHAT_FILE_RETENTION_DAYS, type AppConfig } from '../platform/config.js';
import type { AppContext } from '../platform/app-context.js';
import { DEMO_PASSWORD } from '../modules/org/seed/demo-accounts.js';
import { createTestDb, type TestDb } from './test-db.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ReturnType<typeof fixedClock>;
  testDb: TestDb;
  /** a new cookie-keeping client, like one browser */
  client(): TestClient;
  /** a client already signed in as a demo account */
  as(username: string): Promise<TestClient>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: 'sqlite::memory:',
    sqliteSynchronous: 'normal',
    dataDir: '/tmp',
    production: false,
    demo: true,
    demoCases: false,
    secret: 'test-secret-test-secret-test-secret',
    cookieSecure: false,
    logLevel: 'silent',
    trustProxy: false,
    loginRatePerMinute: 1000,
    botEmbedOrigins: '*',
    webDist: '/nonexistent',
    nodeId: `test-${Math.random().toString(36).slice(2, 8)}`,
    smtpFrom: 'Bangban <noreply@bangban.test>',
    chatFileRetentionDays: DEFAULT_CHAT_FILE_RETENTION_DAYS,
    ...overrides,
  };
}

/** A whole server on a fresh migrated database (SQLite or PostgreSQL by BANGBAN_TEST_DB), with demo data. */
export async function createTestApp(
  opts: { now?: string; config?: Partial<AppConfig>; testDb?: TestDb } = {},
): Promise<TestApp> {
  const testDb = opts.testDb ?? (await createTestDb());
  const clock = fixedClock(opts.now ?? '2026-11-25T02:00:00Z');
  const { app, ctx } = await buildApp({ config: testConfig(opts.config), clock, db: testDb.db });
  await app.ready();
  const client = () => new TestClient(app);
  return {
    app,
    ctx,
    clock,
    testDb,
    client,
    as: async (username) => {
      const c = client();
      const res = await c.post('/api/auth/login', { username, password: DEMO_PASSWORD });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      return c;
    },
    close: async () => {
      await app.close();
      if (!opts.testDb) await testDb.drop();
    },
  };
}

/** Keeps cookies between requests and sends the CSRF header, as the web app does. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(private app: FastifyInstance) {}

  async request(opts: InjectOptions & { json?: unknown }) {
    if (!this.cookies.has('bb_csrf') && opts.method !== 'GET') await this.request({ method: 'GET', url: '/healthz' });
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.cookies.has('bb_csrf') && !('x-csrf-token' in headers))
      headers['x-csrf-token'] = decodeURIComponent(this.cookies.get('bb_csrf')!);
    const res = await this.app.inject({
      ...opts,
      headers,
      payload: opts.json !== undefined ? (opts.json as object) : opts.payload,
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, json?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'POST', url, json: json ?? {}, headers });
  }
  patch(url: string, json: unknown) {
    return this.request({ method: 'PATCH', url, json });
  }
  put(url: string, json: unknown) {
    return this.request({ method: 'PUT', url, json });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
  cookie(name: string) {
    return this.cookies.get(name);
  }
  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }
}
