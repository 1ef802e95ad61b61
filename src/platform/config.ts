import path from 'node:path';
import crypto from 'node:crypto';
import fs from 'node:fs';

/** Everything the server reads from the environment, resolved once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  /** `sqlite:<file>` or a `postgres://` URL */
  databaseUrl: string;
  dataDir: string;
  production: boolean;
  /** demo data and demo accounts are only ever created when this is true */
  demo: boolean;
  /** secret used to sign cookies (CSRF token); persisted in the data dir when not given */
  secret: string;
  /** force the Secure flag on cookies; otherwise set when the request came over TLS */
  cookieSecure: boolean | 'auto';
  metricsToken?: string;
  logLevel: string;
  /** trust X-Forwarded-* (set TRUST_PROXY=1 only behind your own reverse proxy) */
  trustProxy: boolean;
  /** sign-in attempts allowed per client IP per minute */
  loginRatePerMinute: number;
  webDist: string;
  /** origins allowed to frame the bot page (the widget), CSP syntax; default any */
  botEmbedOrigins: string;
  /** id of this process, used to claim jobs */
  nodeId: string;
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
    dataDir,
    production,
    demo,
    secret: env.BANGBAN_SECRET ?? persistedSecret(dataDir),
    cookieSecure: env.COOKIE_SECURE === '1' ? true : env.COOKIE_SECURE === '0' ? false : 'auto',
    metricsToken: env.METRICS_TOKEN || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    loginRatePerMinute: Number(env.LOGIN_RATE_PER_MINUTE ?? 10),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    webDist: path.resolve(env.BANGBAN_WEB_DIST ?? 'web/dist'),
    botEmbedOrigins: env.BOT_EMBED_ORIGINS ?? '*',
    nodeId: `${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
  };
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
