import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';

const HEADER = 'idempotency-key';
const TTL_MS = 24 * 3600_000;
/**
 * How long a reservation without an answer holds the key. Longer than any request takes (the
 * slowest, an import, is capped well below it), short enough that the retry of a request whose
 * node died mid-way (kill -9: no answer, no release) goes through on another node.
 */
export const IN_PROGRESS_LEASE_MS = 60_000;

/**
 * A retried POST with the same `Idempotency-Key` gets the first answer again instead of doing the
 * work twice. The key is reserved before the handler runs (a primary-key insert), so two
 * concurrent copies cannot both go through; a failed attempt releases it for a real retry, and a
 * reservation left by a dead node lapses after IN_PROGRESS_LEASE_MS.
 */
export function installIdempotency(app: FastifyInstance, db: Db): void {
  app.addHook('preHandler', async (req, reply) => {
    const raw = req.headers[HEADER];
    if (req.method !== 'POST' || typeof raw !== 'string' || !raw) return;
    if (raw.length > 200)
      throw new AppError('VALIDATION_FAILED', { zh: '幂等键过长。', en: 'Idempotency-Key is too long.' });
    const who = req.principal?.id ?? (req.clientSystem ? `client:${req.clientSystem.id}` : req.ip);
    const key = `${who}:${req.routeOptions.url}:${raw}`;
    const hash = crypto
      .createHash('sha256')
      .update(JSON.stringify(req.body ?? null))
      .digest('hex');
    const existing = await db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
    const age = existing ? req.now.getTime() - Date.parse(existing.created_at) : 0;
    const abandoned = existing?.status_code === null && age >= IN_PROGRESS_LEASE_MS;
    if (existing && age < TTL_MS && !abandoned) {
      if (existing.request_hash !== hash) {
        throw new AppError('CONFLICT', {
          zh: '同一幂等键用于了不同的请求。',
          en: 'The Idempotency-Key was used for a different request.',
        });
      }
      if (existing.status_code === null) throw new AppError('REQUEST_IN_PROGRESS');
      reply.header('idempotent-replay', 'true');
      return reply.status(existing.status_code).type('application/json').send(existing.response);
    }
    // expired or abandoned: removed only as it was seen, so of two retries one wins the new insert
    if (existing)
      await db
        .deleteFrom('idempotency_keys')
        .where('key', '=', key)
        .where('created_at', '=', existing.created_at)
        .execute();
    try {
      await db
        .insertInto('idempotency_keys')
        .values({ key, request_hash: hash, status_code: null, response: null, created_at: req.now.toISOString() })
        .execute();
    } catch {
      throw new AppError('REQUEST_IN_PROGRESS');
    }
    (req as { idemKey?: string }).idemKey = key;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const key = (req as { idemKey?: string }).idemKey;
    if (!key) return payload;
    if (reply.statusCode < 400) {
      await db
        .updateTable('idempotency_keys')
        .set({
          status_code: reply.statusCode,
          response: typeof payload === 'string' ? payload : JSON.stringify(payload ?? null),
        })
        .where('key', '=', key)
        .where('created_at', '=', req.now.toISOString()) // still this request's reservation
        .execute();
    } else {
      await db
        .deleteFrom('idempotency_keys')
        .where('key', '=', key)
        .where('created_at', '=', req.now.toISOString())
        .execute();
    }
    return payload;
  });
}

/** Sweep: forgets idempotency keys older than their time-to-live. */
export async function purgeIdempotencyKeys(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - TTL_MS).toISOString())
    .execute();
}
