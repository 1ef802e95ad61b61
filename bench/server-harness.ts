/**
 * What the HTTP benchmarks (bench:chat, bench:orders) share: a cookie-keeping client that sends
 * the CSRF header like the web app, a throw-away PostgreSQL database, and a real server process
 * started on a port and waited for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';

export const log = (...a: unknown[]) => process.stderr.write(`${a.join(' ')}\n`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The demo accounts' password. */
export const PASSWORD = 'Bangban2026';

/** A tiny cookie-keeping HTTP client (fetch keeps connections alive); `ip` is sent as X-Forwarded-For. */
export class Http {
  cookies = new Map<string, string>();
  constructor(
    public base: string,
    private ip?: string,
  ) {}
  async req(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    if (method !== 'GET' && !this.cookies.has('bb_csrf')) await this.req('GET', '/healthz');
    const h: Record<string, string> = { ...headers, cookie: this.cookieHeader() };
    if (this.cookies.has('bb_csrf')) h['x-csrf-token'] = decodeURIComponent(this.cookies.get('bb_csrf')!);
    if (this.ip) h['x-forwarded-for'] = this.ip;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(this.base + url, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const i = kv.indexOf('=');
      this.cookies.set(kv.slice(0, i), kv.slice(i + 1));
    }
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) };
  }
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async login(username: string, password = PASSWORD): Promise<void> {
    const r = await this.req('POST', '/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  }
}

/** A new PostgreSQL database on the local server (trust auth), and how to drop it. */
export async function scratchPostgres(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${process.pid}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`create database ${name}`);
  return {
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    drop: () => run(`drop database if exists ${name} with (force)`),
  };
}

/**
 * Starts `src/server.ts` on 127.0.0.1:`port` with demo data, the web app left out, generous sign-in
 * limits and warnings only in the log; resolves once /healthz answers (a minute at most).
 */
export async function startServer(opts: {
  port: number;
  databaseUrl: string;
  dataDir: string;
  nodeArgs?: string[];
  env?: Record<string, string>;
}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      DATABASE_URL: opts.databaseUrl,
      BANGBAN_DATA_DIR: opts.dataDir,
      BANGBAN_DEMO: '1',
      BANGBAN_SECRET: 'bench-secret-bench-secret-bench-secret',
      BANGBAN_WEB_DIST: '/nonexistent',
      LOGIN_RATE_PER_MINUTE: '100000',
      COOKIE_SECURE: '0',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let t = 0; t < 600; t++) {
    try {
      if ((await fetch(`http://127.0.0.1:${opts.port}/healthz`)).ok) return child;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the server on port ${opts.port} did not start`);
}
