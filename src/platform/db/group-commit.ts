import { checkpointHolding, isPostgres, type Db, type Trx } from './connect.js';

/**
 * Work that many units share: their items are done together in one call (a multi-row statement
 * instead of one per unit). `many` returns one result per item, in the items' order.
 */
export interface BatchKind<I, O> {
  many(trx: Trx, items: I[]): Promise<O[]>;
  /**
   * Optional: the items in one statement of their own (atomic without a transaction: no round
   * trips while locks are held). Returns null when these items need `many` after all; an item
   * left undefined in the result was not stored (its unit fails, the others stand).
   */
  single?(db: Db, items: I[]): Promise<(O | undefined)[]> | null;
}

interface Unit {
  key: string;
  /** a unit of its own, or one item of a kind done together with the batch's other items of that kind */
  work: ((trx: Trx) => Promise<unknown>) | { kind: BatchKind<unknown, unknown>; item: unknown };
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export interface GroupCommitOptions {
  /** units per transaction at most */
  maxBatch?: number;
  /** transactions in flight at once (SQLite has one connection: 1) */
  maxInFlight?: number;
  /**
   * a batch starts this long after the one before it started, at the earliest: a busy node commits
   * more units at a time (a unit that finds no batch before it in that time waits for none)
   */
  lingerMs?: number;
  /** while true no batch starts (default: SQLite's checkpoint worker asks so, see connect.ts) */
  held?: () => boolean;
}

/**
 * SQLite: a busy node commits at most every 2 ms. Each commit writes its pages to the log, costing
 * about as much as the messages in it; at 2,000 chat messages a second this wait put more messages
 * in each commit and took the event loop from 81-83 % busy to 63-72 % (p50 delivery 2 → 3 ms).
 * PostgreSQL's batches run beside each other on several connections: no wait.
 */
const SQLITE_LINGER_MS = 2;

/**
 * Group commit: many small write units that arrive together (chat messages from many sockets)
 * share one transaction, so a busy node commits, syncs and wakes the event feed once per batch
 * instead of once per unit. A unit's promise settles only after its batch has committed (so an
 * acknowledgement still means "stored"). Units run in the order of their key (stable: one key's
 * units keep their order), so concurrent batches lock rows in one order and cannot deadlock each
 * other. When a batch fails (one unit broke a rule or met a duplicate), it is rolled back and each
 * unit runs again in a transaction of its own: only the unit at fault fails, nothing is half-done.
 * A unit must therefore do only database work in `trx` (no side effects outside it). Units of a
 * `BatchKind` (chat messages) are done together: one multi-row statement for the batch's items.
 */
export class GroupCommit {
  private queue: Unit[] = [];
  private scheduled = false;
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private readonly lingerMs: number;
  private readonly held: () => boolean;
  private lastStart = -Infinity;
  private lingering: NodeJS.Timeout | null = null;

  constructor(
    private db: Db,
    opts: GroupCommitOptions = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 200;
    this.maxInFlight = opts.maxInFlight ?? (isPostgres(db) ? 4 : 1);
    this.lingerMs = opts.lingerMs ?? (isPostgres(db) ? 0 : SQLITE_LINGER_MS);
    this.held = opts.held ?? (() => checkpointHolding(db));
  }

  /** Runs `work` in a transaction shared with the units queued in the same turn of the event loop. */
  run<T>(key: string, work: (trx: Trx) => Promise<T>): Promise<T> {
    return this.enqueue(key, work);
  }

  /** Like `run`, for an item of `kind`: the batch's items of one kind are done in one call of `kind.many`. */
  add<I, O>(key: string, kind: BatchKind<I, O>, item: I): Promise<O> {
    return this.enqueue(key, { kind: kind, item });
  }

  private enqueue<T>(key: string, work: Unit['work']): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ key, work, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.inFlight >= this.maxInFlight || !this.queue.length) return;
    if (this.scheduled) {
      // lingering, and a full batch is waiting: it goes at once
      if (this.lingering && this.queue.length >= this.maxBatch) {
        clearTimeout(this.lingering);
        this.lingering = null;
        setImmediate(this.fire);
      }
      return;
    }
    this.scheduled = true;
    const wait = this.queue.length >= this.maxBatch ? 0 : this.lastStart + this.lingerMs - performance.now();
    if (wait > 0) this.lingering = setTimeout(this.fire, wait);
    else setImmediate(this.fire);
  }

  private readonly fire = (): void => {
    this.lingering = null;
    // SQLite's checkpoint worker is finishing: the log starts over if nothing is written meanwhile
    if (this.held()) return void setTimeout(this.fire, 1);
    this.scheduled = false;
    if (this.inFlight >= this.maxInFlight || !this.queue.length) return;
    this.lastStart = performance.now();
    const batch = this.queue.splice(0, this.maxBatch);
    this.inFlight++;
    void this.commit(batch).finally(() => {
      this.inFlight--;
      this.schedule();
    });
    this.schedule();
  };

  private async commit(batch: Unit[]): Promise<void> {
    const ordered = batch
      .map((u, i) => ({ u, i }))
      .sort((a, b) => (a.u.key < b.u.key ? -1 : a.u.key > b.u.key ? 1 : a.i - b.i))
      .map((x) => x.u);
    const kind = typeof ordered[0].work === 'function' ? null : ordered[0].work.kind;
    if (kind?.single && ordered.every((u) => typeof u.work !== 'function' && u.work.kind === kind)) {
      const done = kind.single(
        this.db,
        ordered.map((u) => (u.work as { item: unknown }).item),
      );
      const results = done && (await done.catch(() => null)); // failed: each unit on its own below
      if (results) {
        ordered.forEach((u, i) =>
          results[i] === undefined
            ? u.reject(new Error('group commit: the unit was not stored'))
            : u.resolve(results[i]),
        );
        return;
      }
    }
    if (ordered.length > 1) {
      let results: unknown[] | null = null;
      try {
        results = await this.db.transaction().execute((trx) => doAll(trx, ordered));
      } catch {
        results = null; // rolled back: each unit on its own below
      }
      if (results) {
        ordered.forEach((u, i) => u.resolve(results[i]));
        return;
      }
    }
    for (const u of ordered) {
      try {
        u.resolve((await this.db.transaction().execute((trx) => doAll(trx, [u])))[0]);
      } catch (err) {
        u.reject(err);
      }
    }
  }
}

/** The units' work in one transaction, in their order; items of one kind in one call at the first of them. */
async function doAll(trx: Trx, units: Unit[]): Promise<unknown[]> {
  const out: unknown[] = new Array(units.length);
  const kinds = new Map<BatchKind<unknown, unknown>, number[]>();
  for (const [i, u] of units.entries())
    if (typeof u.work !== 'function') kinds.set(u.work.kind, [...(kinds.get(u.work.kind) ?? []), i]);
  const done = new Set<BatchKind<unknown, unknown>>();
  for (const [i, u] of units.entries()) {
    if (typeof u.work === 'function') {
      out[i] = await u.work(trx);
      continue;
    }
    const kind = u.work.kind;
    if (done.has(kind)) continue;
    done.add(kind);
    const at = kinds.get(kind)!;
    const results = await kind.many(
      trx,
      at.map((j) => (units[j].work as { item: unknown }).item),
    );
    at.forEach((j, k) => (out[j] = results[k]));
  }
  return out;
}

const shared = new WeakMap<Db, GroupCommit>();

/** The group commit of a database (one per connection pool and process). */
export function groupCommitOf(db: Db): GroupCommit {
  let g = shared.get(db);
  if (!g) shared.set(db, (g = new GroupCommit(db)));
  return g;
}
