import type { Db } from '../db/connect.js';
import type { Clock } from '../clock.js';
import {
  type ClaimedJob,
  claimDueJobs,
  completeJob,
  failJob,
  JOB_LEASE_MS,
  renewJobLease,
  scheduleJob,
} from './job-queue.js';

export type JobHandler = (payload: Record<string, unknown>, now: Date) => Promise<void>;

/** A recurring sweep: every `everyMs` one job instance named by its time bucket, so nodes agree on it. */
export interface Sweep {
  name: string;
  everyMs: number;
  handler: JobHandler;
}

export interface JobRunnerOptions {
  /** a running job is claimable again when its lease was not renewed for this long */
  leaseMs?: number;
  /** how often a running job's lease is renewed (default: a fifth of the lease) */
  heartbeatMs?: number;
}

/**
 * Runs jobs from the shared table. Handlers are registered by name; recurring sweeps are turned
 * into one deterministic job per time bucket, which is why two nodes never run the same sweep twice.
 * While a handler runs its lease is renewed (a heartbeat), so a long job is never taken over by
 * another node; only a node that stopped renewing (crashed) loses its job after the lease.
 */
export class JobRunner {
  private handlers = new Map<string, JobHandler>();
  private sweeps: Sweep[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private db: Db,
    private clock: Clock,
    private worker: string,
    private log?: (msg: string, err?: unknown) => void,
    private opts: JobRunnerOptions = {},
  ) {}

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  addSweep(sweep: Sweep): void {
    this.sweeps.push(sweep);
    this.register(sweep.name, sweep.handler);
  }

  /** One pass: schedule the current bucket of every sweep, then run what is due. Returns jobs run. */
  tick(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.runOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(): Promise<number> {
    const now = this.clock.now();
    for (const s of this.sweeps) {
      const bucket = Math.floor(now.getTime() / s.everyMs);
      await scheduleJob(this.db, { name: s.name, key: String(bucket), runAt: new Date(bucket * s.everyMs) }, now);
    }
    const leaseMs = this.opts.leaseMs ?? JOB_LEASE_MS;
    const jobs = await claimDueJobs(this.db, this.worker, now, 20, leaseMs);
    // every claimed job not yet finished keeps its lease, also those waiting their turn in this batch
    const unfinished = new Set(jobs.map((j) => j.id));
    const heartbeat = setInterval(
      () => {
        for (const id of unfinished)
          renewJobLease(this.db, id, this.worker, this.clock.now())
            .then((held) => {
              if (!held) this.log?.(`job ${id}: lease lost while running`);
            })
            .catch((err: unknown) => this.log?.(`job ${id}: heartbeat failed`, err));
      },
      this.opts.heartbeatMs ?? leaseMs / 5,
    );
    try {
      for (const job of jobs) {
        await this.runJob(job, now);
        unfinished.delete(job.id);
      }
    } finally {
      clearInterval(heartbeat);
    }
    return jobs.length;
  }

  private async runJob(job: ClaimedJob, now: Date): Promise<void> {
    const handler = this.handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.payload, now);
      await completeJob(this.db, job.id, this.worker, this.clock.now());
    } catch (err) {
      this.log?.(`job ${job.id} failed`, err);
      await failJob(
        this.db,
        job.id,
        this.worker,
        this.clock.now(),
        String((err as Error)?.message ?? err),
        job.attempts,
      );
    }
  }

  start(intervalMs = 5_000): void {
    this.timer = setInterval(() => void this.tick().catch((e) => this.log?.('job tick failed', e)), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
