/**
 * Reads that many callers ask for at the same time (a busy node's chat messages each look up their
 * conversation) done as one query: `load` collects keys until the event loop turns, then `fetch`
 * reads them all at once (up to `max` per query). Each caller gets what it would have read alone —
 * the read simply happens a moment later, never from a cache: nothing is kept after the query.
 */
export class ReadBatcher<K, V> {
  private pending = new Map<
    string,
    { key: K; waiters: { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] }
  >();
  private scheduled = false;

  constructor(
    /** reads the rows of these keys; the result is keyed by `keyOf` of each key found */
    private fetch: (keys: K[]) => Promise<Map<string, V>>,
    private keyOf: (key: K) => string,
    private max = 200,
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const k = this.keyOf(key);
      const entry = this.pending.get(k);
      if (entry) entry.waiters.push({ resolve, reject });
      else this.pending.set(k, { key, waiters: [{ resolve, reject }] });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const all = [...this.pending.values()];
    this.pending.clear();
    for (let i = 0; i < all.length; i += this.max) {
      const chunk = all.slice(i, i + this.max);
      this.fetch(chunk.map((e) => e.key)).then(
        (found) => {
          for (const e of chunk) for (const w of e.waiters) w.resolve(found.get(this.keyOf(e.key)));
        },
        (err: unknown) => {
          for (const e of chunk) for (const w of e.waiters) w.reject(err);
        },
      );
    }
  }
}

const batchers = new WeakMap<object, Map<string, ReadBatcher<unknown, unknown>>>();

/** One batcher per database and name (per connection pool and process, like the group commit). */
export function readBatcherOf<K, V>(db: object, name: string, make: () => ReadBatcher<K, V>): ReadBatcher<K, V> {
  let byName = batchers.get(db);
  if (!byName) batchers.set(db, (byName = new Map()));
  let b = byName.get(name);
  if (!b) byName.set(name, (b = make() as ReadBatcher<unknown, unknown>));
  return b as ReadBatcher<K, V>;
}
