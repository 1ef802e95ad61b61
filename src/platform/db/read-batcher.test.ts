import { describe, expect, it } from 'vitest';
import { ReadBatcher } from './read-batcher.js';

describe('ReadBatcher', () => {
  it('reads what is asked in one turn of the event loop with one query, each caller its own row', async () => {
    const queries: string[][] = [];
    const rows = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const b = new ReadBatcher<string, number>(
      async (keys) => {
        queries.push(keys);
        return new Map(keys.filter((k) => rows.has(k)).map((k) => [k, rows.get(k)!]));
      },
      (k) => k,
    );
    const got = await Promise.all([b.load('a'), b.load('b'), b.load('a'), b.load('missing')]);
    expect(got).toEqual([1, 2, 1, undefined]);
    expect(queries).toEqual([['a', 'b', 'missing']]); // one query; a key asked twice read once
    // nothing is kept: a later ask reads again (and sees a change)
    rows.set('a', 10);
    expect(await b.load('a')).toBe(10);
    expect(queries).toHaveLength(2);
  });

  it('splits a large turn into queries of at most max keys, and a failed query fails only its callers', async () => {
    const sizes: number[] = [];
    const b = new ReadBatcher<number, number>(
      async (keys) => {
        sizes.push(keys.length);
        if (keys.includes(4)) throw new Error('connection lost');
        return new Map(keys.map((k) => [String(k), k * 10]));
      },
      (k) => String(k),
      3,
    );
    const got = await Promise.allSettled([1, 2, 3, 4, 5].map((k) => b.load(k)));
    expect(sizes).toEqual([3, 2]);
    expect(got.map((g) => (g.status === 'fulfilled' ? g.value : 'failed'))).toEqual([10, 20, 30, 'failed', 'failed']);
  });
});
