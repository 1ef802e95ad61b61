import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Registry, collectDefaultMetrics, Histogram, Counter } from 'prom-client';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import { hasRole } from '../policy/principal.js';

/** Liveness, readiness and Prometheus metrics (admins, or a bearer METRICS_TOKEN for the scraper). */
export function installObservability(app: FastifyInstance, db: Db, metricsToken?: string): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'bangban_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'bangban_http_errors_total',
    help: 'HTTP responses with status >= 500',
    labelNames: ['route'],
    registers: [registry],
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });

  app.get('/healthz', { schema: { tags: ['ops'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { tags: ['ops'], summary: 'Readiness (database reachable)' } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply
        .status(503)
        .send({ status: 'unavailable', error: { code: 'UNAVAILABLE', message: 'database unreachable' } });
    }
  });

  app.get(
    '/metrics',
    { schema: { tags: ['ops'], summary: 'Prometheus metrics (admin or METRICS_TOKEN)' } },
    async (req, reply) => {
      const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '');
      const tokenOk = !!metricsToken && bearer === metricsToken;
      if (!tokenOk && !hasRole(req.principal, 'admin'))
        throw new AppError(req.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );
  return registry;
}
