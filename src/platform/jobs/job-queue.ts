import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../db/connect.js';

export interface JobSpec {
  name: string;
  /** makes the job id deterministic: the same name + key is scheduled once, whatever node asks */
  key: string;
  runAt: Date;
  payload?: Record<string, unknown>;
}

/** Schedules a job once: a second request with the same name and key is ignored. */
export async function scheduleJob(db: DbOrTrx, spec: JobSpec, now: Date): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      id: `${spec.name}:${spec.key}`,
      name: spec.name,
      payload: JSON.stringify(spec.payload ?? {}),
      run_at: spec.runAt.toISOString(),
      status: 'pending',
      attempts: 0,
      locked_by: null,
      locked_at: null,
      last_error: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export interface ClaimedJob {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** How long a running job stays claimed without a heartbeat; the runner renews it while the handler runs. */
export const JOB_LEASE_MS = 5 * 60_000;

/**
 * Claims due jobs for `worker`. The claim is a conditional UPDATE (status still pending, or a
 * running job whose worker stopped renewing its lease), so when several nodes share a database
 * each job goes to one.
 */
export async function claimDueJobs(
  db: Db,
  worker: string,
  now: Date,
  limit = 20,
  leaseMs = JOB_LEASE_MS,
): Promise<ClaimedJob[]> {
  const nowIso = now.toISOString();
  const staleIso = new Date(now.getTime() - leaseMs).toISOString();
  const due = await db
    .selectFrom('jobs')
    .select(['id', 'status', 'locked_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]),
        eb.and([eb('status', '=', 'running'), eb('locked_at', '<', staleIso)]),
      ]),
    )
    .orderBy('run_at')
    .limit(limit)
    .execute();
  const claimed: ClaimedJob[] = [];
  for (const job of due) {
    const res = await db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: worker, locked_at: nowIso, updated_at: nowIso, attempts: sql`attempts + 1` })
      .where('id', '=', job.id)
      .where('status', '=', job.status)
      .where((eb) => (job.locked_at === null ? eb('locked_at', 'is', null) : eb('locked_at', '=', job.locked_at)))
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 1) {
      const row = await db
        .selectFrom('jobs')
        .select(['id', 'name', 'payload', 'attempts'])
        .where('id', '=', job.id)
        .executeTakeFirstOrThrow();
      claimed.push({ id: row.id, name: row.name, payload: JSON.parse(row.payload), attempts: row.attempts });
    }
  }
  return claimed;
}

/** Renews a running job's lease (its heartbeat); false when this worker no longer holds it. */
export async function renewJobLease(db: Db, id: string, worker: string, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('jobs')
    .set({ locked_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Deletes finished rows (done after `doneDays`, failed after `failedDays`), `batch` at a time, so
 * the table holds what is pending plus recent history: every sweep adds one row per time bucket.
 */
export async function purgeFinishedJobs(
  db: Db,
  now: Date,
  opts: { doneDays?: number; failedDays?: number; batch?: number } = {},
): Promise<number> {
  const before = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const done = before(opts.doneDays ?? 7);
  const failed = before(opts.failedDays ?? 30);
  const batch = opts.batch ?? 1000;
  let purged = 0;
  for (;;) {
    const ids = await db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'done'), eb('updated_at', '<', done)]),
          eb.and([eb('status', '=', 'failed'), eb('updated_at', '<', failed)]),
        ]),
      )
      .limit(batch)
      .execute();
    if (ids.length)
      await db
        .deleteFrom('jobs')
        .where(
          'id',
          'in',
          ids.map((r) => r.id),
        )
        .execute();
    purged += ids.length;
    if (ids.length < batch) return purged;
  }
}

/** Marks a claimed job done (only if this worker still holds it). */
export async function completeJob(db: Db, id: string, worker: string, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', updated_at: now.toISOString(), last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .execute();
}

/** Records a failure; the job is retried with back-off up to `maxAttempts`, then left failed. */
export async function failJob(
  db: Db,
  id: string,
  worker: string,
  now: Date,
  error: string,
  attempts: number,
  maxAttempts = 5,
): Promise<void> {
  const retry = attempts < maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      status: retry ? 'pending' : 'failed',
      run_at: new Date(now.getTime() + 30_000 * 2 ** attempts).toISOString(),
      locked_by: null,
      locked_at: null,
      last_error: error.slice(0, 2000),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .execute();
}
