import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useSharedTestDb } from '../../testing/shared-db.js';
import { testDbKind } from '../../testing/test-db.js';
import { AppError } from '../errors.js';
import type { Trx } from './connect.js';
import { GroupCommit } from './group-commit.js';

/** Units write counters rows (a plain table every database has). */
const bump = (name: string) => (trx: Trx) =>
  sql<{ value: number }>`insert into counters (name, value) values (${name}, 1)
    on conflict (name) do update set value = counters.value + 1 returning value`
    .execute(trx)
    .then((r) => Number(r.rows[0].value));

describe(`group commit on ${testDbKind()}`, () => {
  const nodes = useSharedTestDb();
  const value = async (name: string) =>
    Number(
      (await nodes.t.db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst())?.value ?? 0,
    );

  it('units queued together share one transaction, in key order, and settle after the commit', async () => {
    const g = new GroupCommit(nodes.t.db);
    const seen: { key: string; trx: Trx }[] = [];
    const unit = (key: string) =>
      g.run(key, async (trx) => {
        seen.push({ key, trx });
        const n = await bump(`gc.${key}`)(trx);
        return n;
      });
    const results = await Promise.all(['b', 'a', 'c', 'a'].map(unit));
    expect(results).toEqual([1, 1, 1, 2]);
    expect(seen.map((s) => s.key)).toEqual(['a', 'a', 'b', 'c']); // by key; one key keeps its order
    expect(new Set(seen.map((s) => s.trx)).size).toBe(1); // one transaction
    expect(await value('gc.a')).toBe(2); // committed when the promises settled
  });

  it('a unit that fails fails alone: the others are stored once, the failed one not at all', async () => {
    const g = new GroupCommit(nodes.t.db);
    const bad = g.run('m', async (trx) => {
      await bump('gc.bad')(trx);
      throw new AppError('CONFLICT', { zh: '冲突', en: 'conflict' });
    });
    const good = ['k', 'n'].map((k) => g.run(k, bump(`gc.good.${k}`)));
    await expect(bad).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await Promise.all(good)).toEqual([1, 1]);
    expect(await value('gc.bad')).toBe(0);
    expect(await value('gc.good.k')).toBe(1);
    expect(await value('gc.good.n')).toBe(1);
  });

  it('units from later turns of the event loop form later batches; all of them are stored', async () => {
    const g = new GroupCommit(nodes.t.db, { maxBatch: 7 });
    const all: Promise<number>[] = [];
    for (let turn = 0; turn < 5; turn++) {
      for (let i = 0; i < 10; i++) all.push(g.run(`k${i}`, bump('gc.many')));
      await new Promise((r) => setImmediate(r));
    }
    const results = await Promise.all(all);
    expect(new Set(results).size).toBe(50); // every unit saw its own increment
    expect(await value('gc.many')).toBe(50);
  });

  it('items of one kind are done in one call, in key order, with the results handed back to each', async () => {
    const g = new GroupCommit(nodes.t.db);
    const calls: string[][] = [];
    const kind = {
      async many(trx: Trx, items: string[]) {
        calls.push(items);
        if (items.includes('poison')) throw new AppError('CONFLICT', { zh: '冲突', en: 'conflict' });
        const out: number[] = [];
        for (const it of items) out.push(await bump(`gc.kind.${it}`)(trx));
        return out;
      },
    };
    const results = await Promise.all([g.add('b', kind, 'x'), g.add('a', kind, 'y'), g.run('c', bump('gc.kind.z'))]);
    expect(results).toEqual([1, 1, 1]);
    expect(calls).toEqual([['y', 'x']]); // one call for the batch's items, in key order
    // one poisoned item: the batch is rolled back and each item done alone; only that one fails
    calls.length = 0;
    const mixed = [g.add('a', kind, 'x'), g.add('b', kind, 'poison'), g.add('c', kind, 'y')];
    await expect(mixed[1]).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await Promise.all([mixed[0], mixed[2]])).toEqual([2, 2]);
    expect(calls).toEqual([['x', 'poison', 'y'], ['x'], ['poison'], ['y']]);
    expect(await value('gc.kind.x')).toBe(2);
  });

  it('a busy node starts a batch at most every lingerMs; a unit with no batch just before it waits for none', async () => {
    const g = new GroupCommit(nodes.t.db, { lingerMs: 100 });
    const t0 = performance.now();
    await g.run('x', bump('gc.linger'));
    expect(performance.now() - t0).toBeLessThan(80);
    // a unit every few milliseconds for 300 ms: a handful of batches, not one per unit
    const trxs = new Set<Trx>();
    const all: Promise<number>[] = [];
    const end = performance.now() + 300;
    while (performance.now() < end) {
      all.push(
        g.run('y', (trx) => {
          trxs.add(trx);
          return bump('gc.linger')(trx);
        }),
      );
      await new Promise((r) => setTimeout(r, 3));
    }
    await Promise.all(all);
    expect(trxs.size).toBeGreaterThanOrEqual(3);
    expect(trxs.size).toBeLessThanOrEqual(6);
    expect(all.length).toBeGreaterThan(10 * trxs.size);
    expect(await value('gc.linger')).toBe(all.length + 1);
    // a full batch waiting goes at once
    const g2 = new GroupCommit(nodes.t.db, { lingerMs: 10_000, maxBatch: 5 });
    await g2.run('z', bump('gc.linger.full'));
    const t1 = performance.now();
    await Promise.all(Array.from({ length: 10 }, () => g2.run('z', bump('gc.linger.full'))));
    expect(performance.now() - t1).toBeLessThan(5_000);
    expect(await value('gc.linger.full')).toBe(11);
  });

  it('starts no batch while held (SQLite: its checkpoint worker finishing), then commits what waited', async () => {
    let held = true;
    const g = new GroupCommit(nodes.t.db, { held: () => held });
    let settled = false;
    const unit = g.run('h', bump('gc.held')).then((n) => ((settled = true), n));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    expect(await value('gc.held')).toBe(0);
    held = false;
    expect(await unit).toBe(1);
  });
});
