import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('makes version-7 UUIDs whose first 48 bits are the time in milliseconds', () => {
    const at = Date.UTC(2026, 11, 2, 8, 30);
    const id = newId(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('keeps the order of ids made one after another, within one millisecond too, and never repeats', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it('stays in order when the clock steps back (the last time goes on)', () => {
    const a = newId(Date.UTC(2026, 11, 2, 9));
    const b = newId(Date.UTC(2026, 11, 2, 8));
    expect(b > a).toBe(true);
  });
});
