import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import { jsonSchemaTransform, validatorCompiler, serializerCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './platform/config.js';
import type { Clock } from './platform/clock.js';
import type { AppContext } from './platform/app-context.js';
import { connectDatabase, type Db } from './platform/db/connect.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { EventFeed } from './platform/events/event-feed.js';
import { JobRunner } from './platform/jobs/job-runner.js';
import { purgeFinishedJobs } from './platform/jobs/job-queue.js';
import { resolveSession, SESSION_COOKIE, purgeExpiredSessions } from './platform/auth/sessions.js';
import { purgeLoginFailures } from './platform/auth/login-failures.js';
import { AppError } from './platform/errors.js';
import { checkCsrf, ensureCsrfCookie } from './platform/http/csrf.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { installErrorContract } from './platform/http/api-contract.js';
import { requireUser } from './platform/http/context.js';
import { installIdempotency, purgeIdempotencyKeys } from './platform/http/idempotency.js';
import { installInputHygiene } from './platform/http/input-hygiene.js';
import { frameworkErrors, installNoStore } from './platform/http/response-hygiene.js';
import { installObservability } from './platform/http/observability.js';
import { MODULES } from './modules/index.js';
import { userScope } from './modules/org/org.policy.js';
import { installLiveUpdates } from './platform/realtime/live-updates.js';
import { allowFramingForBot } from './modules/bot/widget.routes.js';

export interface BuildOptions {
  config: AppConfig;
  clock: Clock;
  db?: Db;
  /** start the event feed and job runner timers (off in most tests, which tick them by hand) */
  background?: boolean;
}

/** Builds the whole server: database, migrations, seed data, plugins, every module's routes. */
export async function buildApp(opts: BuildOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const { config, clock } = opts;
  const db = opts.db ?? connectDatabase(config.databaseUrl, config);
  await migrateToLatest(db);
  for (const m of MODULES)
    await m.seed?.(db, clock.now(), { demo: config.demo, demoCases: config.demo && config.demoCases });

  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    // A hop count trusts the right-most N entries only (what our own proxies appended); Fastify's
    // own number option trusts none, so it is spelled out as a function here.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_addr: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{6,64}$/.test(given) ? given : crypto.randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const log = (msg: string, err?: unknown) => app.log.error({ err }, msg);
  const feed = new EventFeed(db, { clock, nodeId: config.nodeId, log });
  const jobs = new JobRunner(db, clock, config.nodeId, log);
  // The modules' services (working time, the bot's index, …) are added to the context by their `services` hook.
  const ctx = { db, config, clock, feed, jobs } as AppContext;
  for (const m of MODULES) await m.services?.(ctx);
  jobs.addSweep({
    name: 'sessions.purge',
    everyMs: 3600_000,
    handler: async (_p, now) => {
      await purgeExpiredSessions(db, now);
      await purgeLoginFailures(db, now);
    },
  });
  jobs.addSweep({
    name: 'jobs.purge',
    everyMs: 3600_000,
    handler: async (_p, now) => void (await purgeFinishedJobs(db, now)),
  });
  jobs.addSweep({
    name: 'idempotency.purge',
    everyMs: 3600_000,
    handler: async (_p, now) => {
      await purgeIdempotencyKeys(db, now);
    },
  });

  await app.register(cookie, { secret: config.secret });
  // the security headers, built once (a Fastify plugin rebuilt them for every request)
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: the chat's pictures, fetched with the caller's credentials and shown from a Blob URL
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.production ? undefined : false,
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, () => done()));
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) =>
      new AppError('RATE_LIMITED', undefined, { retryAfterSeconds: Math.ceil(c.ttl / 1000) }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Bangban 帮办 API', version: '0.1.0', description: 'Help-service platform for 一网通办 channels' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // 16 kB: a live-help frame (2,000 characters of Chinese text and its JSON); larger ones close the socket (1009)
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  installErrorHandler(app);
  installNoStore(app);
  installErrorContract(app);
  app.addHook('onRequest', async (req, reply) => {
    req.now = clock.now();
    reply.header('x-request-id', req.id);
    // the built app's hashed files need no session: no database read for each of them
    if (req.url.startsWith('/assets/')) return;
    if (req.routeOptions.config?.session === false) {
      req.principal = null; // a staff cookie never acts on such a route
      req.sessionId = null;
      req.sessionState = 'none';
      return;
    }
    const lookup = await resolveSession(db, req.cookies[SESSION_COOKIE], req.now);
    req.principal = lookup.state === 'valid' ? lookup.principal : null;
    req.sessionId = lookup.state === 'valid' ? lookup.sessionId : null;
    req.sessionState = lookup.state;
    const secure = config.cookieSecure === 'auto' ? req.protocol === 'https' : config.cookieSecure;
    ensureCsrfCookie(req, reply, config.secret, secure);
    // an unknown /api path is answered 404 by the not-found handler, not refused as a forged write
    if (req.url.startsWith('/api/') && req.routeOptions.url && req.routeOptions.config?.csrf !== false)
      checkCsrf(req, config.secret);
  });
  // Secure by default: an /api route needs a session unless it declares `config: { public: true }`,
  // and this runs before body validation so an anonymous caller learns nothing about the schema.
  app.addHook('preValidation', async (req) => {
    if (!req.routeOptions.url || !req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    if (req.routeOptions.config?.public !== true) requireUser(req);
  });
  installInputHygiene(app);
  installIdempotency(app, db);
  feed.bindMetrics(installObservability(app, db, config.metricsToken));
  for (const m of MODULES) {
    m.routes(app, ctx);
    m.jobs?.(ctx);
    m.consumers?.(ctx);
  }
  installLiveUpdates(app, { db, clock, feed, scopeOf: userScope });
  await serveWebApp(app, config);

  await feed.start();
  if (opts.background) {
    jobs.start();
  }
  app.addHook('onClose', async () => {
    await feed.stop();
    jobs.stop();
    if (!opts.db) await db.destroy();
  });
  return { app, ctx };
}

/** Serves the built React app, with the SPA fallback for client-side routes. */
async function serveWebApp(app: FastifyInstance, config: AppConfig): Promise<void> {
  const dist = config.webDist;
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return;
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
  });
  app.get('/*', { schema: { hide: true }, config: { public: true } }, async (req, reply) => {
    if (req.url.startsWith('/api/')) throw new AppError('NOT_FOUND');
    if (req.url === '/bot' || req.url.startsWith('/bot?') || req.url.startsWith('/bot/')) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string')
        reply.header('content-security-policy', allowFramingForBot(csp, config.botEmbedOrigins));
      reply.removeHeader('x-frame-options');
    }
    return reply.type('text/html').send(fs.createReadStream(index));
  });
}
