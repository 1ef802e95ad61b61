import { EventEmitter } from 'node:events';
import { Counter, Gauge, type Registry } from 'prom-client';
import { isPostgres, listen, type Db, type Listener } from '../db/connect.js';
import { EVENTS_CHANNEL, onEventRecorded } from './event-wakeup.js';
import { systemClock, type Clock } from '../clock.js';
import { newId } from '../ids.js';
import { advanceCursor, ensureConsumer, holdLease, parkEvent, recordFailure, releaseLease } from './consumer-store.js';
import {
  FEED_START,
  readAfter,
  tailPosition,
  type FeedPosition,
  type ReadBatch,
  type StoredEvent,
} from './event-reader.js';

export type { StoredEvent } from './event-reader.js';

/** What a module registers to receive events (see `EventFeed.subscribe`). */
export interface Subscription {
  /** unique per process; a durable consumer's name is also its row in `event_consumers` */
  name: string;
  /**
   * false (default): every node runs it, from the tail at start (cache refreshes, pushes to this
   * node's sockets). true: one node at a time runs it, from its stored cursor (notifications).
   */
  durable?: boolean;
  /** event types to receive; 'calendar.*' matches a prefix; every event when omitted */
  types?: string[];
  /** durable only: where a consumer seen for the first time starts (default 'tail') */
  from?: 'tail' | 'start';
  /** may run more than once for one event (at-least-once): make it idempotent; throw to retry */
  handle(event: StoredEvent): void | Promise<void>;
  /**
   * Broadcast only, optional: called with the events about to be handled (in order), before the
   * first of them, so the consumer can read what they need in one query instead of one per event.
   * A failure is logged and the events are handled all the same.
   */
  prefetch?(events: StoredEvent[]): Promise<void>;
}

export interface FeedOptions {
  intervalMs?: number;
  clock?: Clock;
  /** this process's name in leases and parked events */
  nodeId?: string;
  log?: (msg: string, err?: unknown) => void;
  /** attempts on one event before it is parked and the consumer moves on */
  maxAttempts?: number;
  /** how long a node keeps a durable consumer without renewing its lease */
  leaseMs?: number;
  batchSize?: number;
}

interface Consumer extends Subscription {
  queue: StoredEvent[];
  failures: number;
  /** after a failure, no retry before this moment (performance.now(); back-off that doubles per attempt) */
  retryAt: number;
  ready: boolean;
  leaseUntil: number;
  /** durable, while another node holds the lease: no new attempt before this moment (performance.now()) */
  leaseTryAt: number;
  /** durable, while this node holds the lease: where the consumer stands (may be ahead of its row) */
  pos: FeedPosition | null;
  /** durable: failed attempts on the event after `pos` */
  attempts: number;
  /** durable: `pos` moved past events the consumer does not take, and its row does not say so yet */
  dirty: boolean;
  /** durable: when (performance.now()) the row's cursor was last written */
  savedAt: number;
}

/** What the round read from the events table: a durable consumer standing at `from` takes it as is. */
interface SharedRead {
  from: FeedPosition;
  batch: ReadBatch;
}

interface FeedMetrics {
  errors: Counter<'consumer'>;
  parked: Counter<'consumer'>;
  lag: Gauge<'consumer'>;
  pollErrors: Counter;
}

const LEGACY = 'feed.on(event)';
/** how long after a wake-up rounds follow each other quickly, and how far apart */
const HOT_MS = 250;
const QUICK_MS = 5;
/**
 * A durable consumer's cursor, moved past events it does not take, is written at most this often
 * (and when the node stops): a restart re-reads at most this much, which it skips again.
 */
const SAVE_SKIPPED_MS = 1000;
/** how often a node asks again for a durable consumer's lease that another node holds */
const LEASE_RETRY_MS = 500;

/**
 * Delivers every committed event, in commit order, to the consumers modules register. It polls
 * the shared events table, so an event committed on any node reaches every node within one
 * interval; a transaction that commits late is waited for, never skipped (see event-reader.ts).
 * A consumer that throws is logged, counted in /metrics and retried with back-off; after
 * `maxAttempts` the event is parked (table `event_parked`) so one poisoned event never stalls it.
 * `on('event', …)` still works: those listeners are one broadcast consumer.
 */
export class EventFeed extends EventEmitter {
  private cursor: FeedPosition = FEED_START;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  /** a wake-up came during a round: read again as soon as it ends */
  private pollAgain = false;
  /** until when (performance.now()) rounds follow each other quickly after a wake-up */
  private hotUntil = 0;
  private quick: NodeJS.Timeout | null = null;
  private listener: Listener | null = null;
  private unhook: (() => void) | null = null;
  private stopped = false;
  private consumers = new Map<string, Consumer>();
  private metrics: FeedMetrics | null = null;
  private readonly clock: Clock;
  private readonly nodeId: string;
  private readonly intervalMs: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;

  constructor(
    private db: Db,
    private opts: FeedOptions = {},
  ) {
    super();
    this.clock = opts.clock ?? systemClock;
    this.nodeId = opts.nodeId ?? `node-${newId().slice(0, 8)}`;
    this.intervalMs = opts.intervalMs ?? 500;
    this.maxAttempts = opts.maxAttempts ?? 5;
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.batchSize = opts.batchSize ?? 500;
    this.subscribe({ name: LEGACY, handle: (e) => void this.emit('event', e) });
  }

  /** Registers a consumer; returns a function that removes it. */
  subscribe(sub: Subscription): () => void {
    if (this.consumers.has(sub.name)) throw new Error(`event consumer "${sub.name}" is already registered`);
    this.consumers.set(sub.name, {
      ...sub,
      queue: [],
      failures: 0,
      retryAt: 0,
      ready: false,
      leaseUntil: 0,
      leaseTryAt: 0,
      pos: null,
      attempts: 0,
      dirty: false,
      savedAt: 0,
    });
    return () => void this.consumers.delete(sub.name);
  }

  /** Counts consumer errors, parked events and lag in the app's Prometheus registry. */
  bindMetrics(registry: Registry): void {
    const labelNames = ['consumer'] as const;
    this.metrics = {
      errors: new Counter({
        name: 'bangban_event_consumer_errors_total',
        help: 'Event consumer failures (each failed attempt)',
        labelNames,
        registers: [registry],
      }),
      parked: new Counter({
        name: 'bangban_event_consumer_parked_total',
        help: 'Events a consumer gave up on after repeated failures',
        labelNames,
        registers: [registry],
      }),
      lag: new Gauge({
        name: 'bangban_event_consumer_lag_seconds',
        help: 'Age of the oldest event a consumer has not finished (0 when caught up)',
        labelNames,
        registers: [registry],
      }),
      pollErrors: new Counter({
        name: 'bangban_event_feed_poll_errors_total',
        help: 'Failed reads of the events table',
        registers: [registry],
      }),
    };
  }

  /** Starts after the newest settled event, so broadcast consumers do not replay history. */
  async start(): Promise<void> {
    this.cursor = await tailPosition(this.db);
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
    // woken as soon as an event commits: by NOTIFY from any node on PostgreSQL (event-wakeup.ts),
    // in process on SQLite (one writer); the timer stays as the safety net
    if (isPostgres(this.db)) this.listener = listen(this.db, EVENTS_CHANNEL, () => this.wake(), this.log.bind(this));
    else this.unhook = onEventRecorded(() => this.wake());
  }

  /** One round: read what is new, then let every consumer work. Called by the timer and by tests. */
  poll(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.polling ??= this.pollOnce().finally(() => {
      this.polling = null;
      this.followUp();
    });
    return this.polling;
  }

  /**
   * An event has committed (or is about to): read now, not at the next tick. On PostgreSQL, for a
   * short while after (the NOTIFY may beat the writer's commit), and while committed events wait
   * behind an older transaction still running (see event-reader.ts; that one may commit without
   * notifying), rounds follow each other every few milliseconds. On SQLite the wake-up comes from
   * this process's own write, whose commit the read waits for: one round is enough (at 2,000 chat
   * messages a second the extra rounds were a third of the feed's reads, finding nothing).
   */
  wake(): void {
    if (this.stopped) return;
    if (isPostgres(this.db)) this.hotUntil = performance.now() + HOT_MS;
    if (this.polling) this.pollAgain = true;
    else void this.poll();
  }

  private followUp(): void {
    if (this.stopped || this.quick) return;
    if (this.pollAgain) {
      this.pollAgain = false;
      this.quick = setTimeout(() => this.quickPoll(), 0);
    } else if (performance.now() < this.hotUntil) {
      this.quick = setTimeout(() => this.quickPoll(), QUICK_MS);
    }
  }

  private quickPoll(): void {
    this.quick = null;
    void this.poll();
  }

  private async pollOnce(): Promise<void> {
    const all = [...this.consumers.values()];
    let shared: SharedRead | null = null;
    try {
      const from = this.cursor;
      const batch = await readAfter(this.db, from, this.batchSize);
      for (const { event, pos } of batch) {
        for (const c of all) if (!c.durable && matches(c, event)) c.queue.push(event);
        this.cursor = pos;
      }
      shared = { from, batch };
      // more to read right away: a full batch, or events waiting for an older transaction
      if (batch.length === this.batchSize || batch.heldBack) this.hotUntil = performance.now() + HOT_MS;
    } catch (err) {
      this.metrics?.pollErrors.inc();
      this.log('event feed: reading events failed', err);
      this.emit('poll-error', err);
    }
    await Promise.all(
      all.map((c) =>
        (c.durable ? this.runDurable(c, shared) : this.drain(c)).catch((err: unknown) => this.failed(c, null, err, 0)),
      ),
    );
  }

  /** A broadcast consumer works through its in-memory queue, oldest first. */
  private async drain(c: Consumer): Promise<void> {
    if (performance.now() < c.retryAt) return;
    if (c.prefetch && c.queue.length)
      await c.prefetch(c.queue.slice(0, this.batchSize)).catch((err: unknown) => this.failed(c, null, err, 0));
    while (c.queue.length) {
      const event = c.queue[0];
      try {
        await c.handle(event);
      } catch (err) {
        c.failures++;
        this.failed(c, event, err, c.failures);
        if (c.failures < this.maxAttempts) {
          c.retryAt = performance.now() + backoff(c.failures) * this.intervalMs;
          return this.setLag(c, event);
        }
        await this.park(c, `${c.name}@${this.nodeId}`, event, c.failures, err);
      }
      c.failures = 0;
      c.queue.shift();
    }
    this.setLag(c, null);
  }

  /**
   * A durable consumer, when this node holds its lease, works on from its cursor. While it keeps
   * up it takes the events this round read (no read of its own); behind (just started, after a
   * failure) it reads from its cursor. Its row's cursor moves with every event it takes; past
   * events it does not take, at most once a second.
   */
  private async runDurable(c: Consumer, shared: SharedRead | null): Promise<void> {
    if (performance.now() < c.retryAt) return;
    const now = this.clock.now();
    if (!c.ready) {
      await ensureConsumer(this.db, c.name, c.from ?? 'tail', now);
      c.ready = true;
    }
    // the lease is renewed once half of it is used, not on every poll; while another node holds
    // it, asked for again twice a second (rounds come every few milliseconds while events flow)
    if (c.leaseUntil - now.getTime() < this.leaseMs / 2 && performance.now() >= c.leaseTryAt) {
      const held = c.pos !== null && c.leaseUntil > now.getTime();
      const state = await holdLease(this.db, c.name, this.nodeId, now, this.leaseMs);
      c.leaseUntil = state ? now.getTime() + this.leaseMs : 0;
      // a lease held all along keeps the cursor it has (its row may lag behind by skipped events)
      if (state && !held) {
        c.pos = state.pos;
        c.attempts = state.attempts;
        c.dirty = false;
        c.savedAt = performance.now();
      }
      if (!state) {
        c.pos = null;
        c.leaseTryAt = performance.now() + LEASE_RETRY_MS;
      }
    }
    if (!c.pos) return;
    const batch = followOn(c.pos, shared) ?? (await readAfter(this.db, c.pos, this.batchSize));
    if (batch.length === this.batchSize) this.hotUntil = performance.now() + HOT_MS;
    for (const { event, pos } of batch) {
      if (!matches(c, event)) {
        c.pos = pos;
        c.dirty = true;
        continue;
      }
      try {
        await c.handle(event);
      } catch (err) {
        c.attempts++;
        this.failed(c, event, err, c.attempts);
        if (c.attempts < this.maxAttempts) {
          if (c.dirty && !(await this.save(c))) return;
          await recordFailure(this.db, c.name, this.nodeId, c.attempts, message(err), this.clock.now());
          c.retryAt = performance.now() + backoff(c.attempts) * this.intervalMs;
          return this.setLag(c, event);
        }
        await this.park(c, c.name, event, c.attempts, err, true); // the cursor moves only once it is recorded
      }
      c.attempts = 0;
      c.pos = pos;
      if (!(await this.save(c))) return; // another node took over (this one was too slow)
    }
    if (c.dirty && performance.now() - c.savedAt >= SAVE_SKIPPED_MS) await this.save(c);
    this.setLag(c, batch.length === this.batchSize ? batch.at(-1)!.event : null);
  }

  /** Writes a durable consumer's cursor; false (and the lease dropped) when another node holds it now. */
  private async save(c: Consumer): Promise<boolean> {
    const held = await advanceCursor(this.db, c.name, this.nodeId, c.pos!, this.clock.now());
    c.dirty = false;
    c.savedAt = performance.now();
    if (!held) {
      c.leaseUntil = 0;
      c.pos = null;
    }
    return held;
  }

  private async park(
    c: Consumer,
    consumer: string,
    event: StoredEvent,
    attempts: number,
    err: unknown,
    mustRecord = false,
  ) {
    try {
      await parkEvent(this.db, consumer, event, attempts, message(err), this.clock.now());
    } catch (e) {
      this.log(`event consumer ${c.name}: could not record parked event ${event.id}`, e);
      if (mustRecord) throw e;
    }
    this.metrics?.parked.inc({ consumer: c.name });
    this.log(`event consumer ${c.name}: event ${event.id} (${event.type}) parked after ${attempts} attempts`, err);
  }

  private failed(c: Consumer, event: StoredEvent | null, err: unknown, attempt: number): void {
    this.metrics?.errors.inc({ consumer: c.name });
    const what = event ? `event ${event.id} (${event.type}), attempt ${attempt}` : 'bookkeeping';
    this.log(`event consumer ${c.name} failed on ${what}`, err);
  }

  private setLag(c: Consumer, oldest: StoredEvent | null): void {
    const age = oldest ? (this.clock.now().getTime() - Date.parse(oldest.createdAt)) / 1000 : 0;
    this.metrics?.lag.set({ consumer: c.name }, Math.max(0, age));
  }

  private log(msg: string, err?: unknown): void {
    this.opts.log?.(msg, err);
  }

  /** Stops polling, waits for the round in progress and gives back durable leases. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.quick) clearTimeout(this.quick);
    this.unhook?.();
    await this.listener?.close();
    await this.polling;
    for (const c of this.consumers.values())
      if (c.durable && c.leaseUntil)
        await (c.dirty && c.pos ? this.save(c) : Promise.resolve(true))
          .then(() => releaseLease(this.db, c.name, this.nodeId))
          .catch((e) => this.log(`event consumer ${c.name}: release failed`, e));
  }
}

/** The part of this round's read that comes after `pos`, when `pos` is where it started or inside it. */
function followOn(pos: FeedPosition, shared: SharedRead | null): ReadBatch | null {
  if (!shared) return null;
  if (samePosition(pos, shared.from)) return shared.batch;
  const i = shared.batch.findIndex((r) => samePosition(r.pos, pos));
  return i < 0 ? null : shared.batch.slice(i + 1);
}

function samePosition(a: FeedPosition, b: FeedPosition): boolean {
  return a.id === b.id && (a.tx ?? null) === (b.tx ?? null);
}

function matches(c: Subscription, e: StoredEvent): boolean {
  return !c.types || c.types.some((t) => (t.endsWith('*') ? e.type.startsWith(t.slice(0, -1)) : e.type === t));
}

/**
 * Poll intervals to wait after the n-th failure: 1, 2, 4 … 64. In time, not in rounds: rounds come
 * every few milliseconds while events flow, and a retry that soon would not outlast a hiccup.
 */
function backoff(n: number): number {
  return Math.min(2 ** (n - 1), 64);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
