import path from 'node:path';
import crypto from 'node:crypto';
import fs from 'node:fs';

export type SqliteSynchronous = 'normal' | 'full';

/** Everything the server reads from the environment, resolved once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  /** `sqlite:<file>` or a `postgres://` URL */
  databaseUrl: string;
  /**
   * SQLite only: 'normal' (default) syncs the write-ahead log to disk at checkpoints, so a commit
   * survives the process being killed but the last moments may not survive a power cut; 'full'
   * syncs on every commit (about ten times slower per write). PostgreSQL syncs every commit.
   */
  sqliteSynchronous: SqliteSynchronous;
  dataDir: string;
  production: boolean;
  /** demo data and demo accounts are only ever created when this is true */
  demo: boolean;
  /** with demo: sample cases (work orders, phone transfer forms) in their various states; off in tests */
  demoCases: boolean;
  /** secret used to sign cookies (CSRF token); persisted in the data dir when not given */
  secret: string;
  /** force the Secure flag on cookies; otherwise set when the request came over TLS */
  cookieSecure: boolean | 'auto';
  metricsToken?: string;
  logLevel: string;
  /**
   * which X-Forwarded-For entries to believe: false (none), a number of proxy hops in front of the
   * node, or the proxies' addresses/CIDRs; see trustedProxy()
   */
  trustProxy: false | number | string[];
  /** sign-in attempts allowed per client IP per minute */
  loginRatePerMinute: number;
  webDist: string;
  /** origins allowed to frame the bot page (the widget), CSP syntax; default any */
  botEmbedOrigins: string;
  /** id of this process, used to claim jobs */
  nodeId: string;
  /** e-mail notices: `smtp://user:pass@host:25` or `smtps://…:465`; none sent when not set */
  smtpUrl?: string;
  /** the From of e-mail notices */
  smtpFrom: string;
  /** the site's address (https://bangban.example.gov.cn), for links in e-mails and webhook messages */
  publicUrl?: string;
  /**
   * live-help files (pictures, PDFs) are purged this many days after their conversation closed
   * (CHAT_FILE_RETENTION_DAYS, default 180: neither SPEC nor the seed sets a period); the transcript
   * keeps their names
   */
  chatFileRetentionDays: number;
}

/** Reads the configuration from `env`; the only place that knows environment variable names. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.BANGBAN_DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'bangban.sqlite')}`;
  const demo = env.BANGBAN_DEMO ? env.BANGBAN_DEMO === '1' || env.BANGBAN_DEMO === 'true' : !production;
  if (production && demo) throw new Error('BANGBAN_DEMO cannot be enabled when NODE_ENV=production');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    sqliteSynchronous: parseSynchronous(env.SQLITE_SYNCHRONOUS),
    dataDir,
    production,
    demo,
    demoCases: demo && env.BANGBAN_DEMO_CASES !== '0' && env.BANGBAN_DEMO_CASES !== 'false',
    secret: env.BANGBAN_SECRET ?? persistedSecret(dataDir),
    cookieSecure: env.COOKIE_SECURE === '1' ? true : env.COOKIE_SECURE === '0' ? false : 'auto',
    metricsToken: env.METRICS_TOKEN || undefined,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    loginRatePerMinute: Number(env.LOGIN_RATE_PER_MINUTE ?? 10),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    webDist: path.resolve(env.BANGBAN_WEB_DIST ?? 'web/dist'),
    botEmbedOrigins: env.BOT_EMBED_ORIGINS ?? '*',
    nodeId: `${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM ?? 'Bangban 帮办 <noreply@localhost>',
    publicUrl: env.PUBLIC_URL || undefined,
    chatFileRetentionDays: parseRetentionDays(env.CHAT_FILE_RETENTION_DAYS),
  };
}

/** The default keeping time of live-help files, in days after the conversation closed. */
export const DEFAULT_CHAT_FILE_RETENTION_DAYS = 180;

function parseRetentionDays(v: string | undefined): number {
  const s = (v ?? '').trim();
  if (!s) return DEFAULT_CHAT_FILE_RETENTION_DAYS;
  if (/^\d{1,5}$/.test(s) && Number(s) >= 1) return Number(s);
  throw new Error(`CHAT_FILE_RETENTION_DAYS must be a whole number of days (1 or more), not "${v}"`);
}

function parseSynchronous(v: string | undefined): SqliteSynchronous {
  const s = (v ?? 'normal').trim().toLowerCase();
  if (s === 'normal' || s === 'full') return s;
  throw new Error(`SQLITE_SYNCHRONOUS must be "normal" or "full", not "${v}"`);
}

/**
 * `TRUST_PROXY`: empty/0 = the socket address is the client; a number = that many reverse proxies
 * in front of every node (the client is that many entries from the right of X-Forwarded-For);
 * otherwise a comma-separated list of the proxies' addresses or CIDRs (the safest choice).
 */
function parseTrustProxy(v: string | undefined): false | number | string[] {
  const s = (v ?? '').trim();
  if (!s || s === '0' || s === 'false') return false;
  if (/^\d+$/.test(s)) return Number(s);
  const list = s.split(',').map((x) => x.trim());
  if (list.every((x) => /^[\da-f.:]+(\/\d{1,3})?$/i.test(x) || ['loopback', 'linklocal', 'uniquelocal'].includes(x)))
    return list;
  throw new Error(`TRUST_PROXY must be a number of proxy hops or a list of proxy addresses/CIDRs, not "${s}"`);
}

/** A random secret kept in the data directory so cookies survive restarts without configuration. */
function persistedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
