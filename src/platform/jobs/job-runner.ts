import type { Db } from '../db/connect.js';
import type { Clock } from '../clock.js';
import { claimDueJobs, completeJob, failJob, scheduleJob } from './job-queue.js';

export type JobHandler = (payload: Record<string, unknown>, now: Date) => Promise<void>;

/** A recurring sweep: every `everyMs` one job instance named by its time bucket, so nodes agree on it. */
export interface Sweep {
  name: string;
  everyMs: number;
  handler: JobHandler;
}

/**
 * Runs jobs from the shared table. Handlers are registered by name; recurring sweeps are turned
 * into one deterministic job per time bucket, which is why two nodes never run the same sweep twice.
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
    const jobs = await claimDueJobs(this.db, this.worker, now);
    for (const job of jobs) {
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
    return jobs.length;
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
