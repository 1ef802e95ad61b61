import { describe, expect, it } from 'vitest';
import { lastSeqOf, mergeMessages, newClientId, settle, type Pending } from './chat-log.js';
import type { TChatMessage } from '../../../src/contracts/livechat.js';

const msg = (seq: number, clientId: string | null = null, text = `m${seq}`): TChatMessage => ({
  id: `id${seq}`,
  conversationId: 'c1',
  seq,
  from: 'citizen',
  author: null,
  kind: 'text',
  text,
  file: null,
  clientId,
  at: '2026-11-25T02:00:00Z',
});

describe('the client side of a live-help conversation', () => {
  it('keeps every seq once, in order, whatever order and how often they arrive', () => {
    let held = mergeMessages([], [msg(2), msg(1)]);
    held = mergeMessages(held, [msg(2), msg(4), msg(3)]); // a replay after a reconnect overlaps
    held = mergeMessages(held, [msg(3)]); // the ack and the broadcast of the same message
    expect(held.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(lastSeqOf(held)).toBe(4);
    expect(lastSeqOf([])).toBe(0);
  });

  it('drops a pending message only once the server holds its clientId', () => {
    const outbox: Pending[] = [
      { clientId: 'aaaaaaaa1', conversationId: 'c1', kind: 'text', text: 'one' },
      { clientId: 'aaaaaaaa2', conversationId: 'c1', kind: 'text', text: 'two' },
    ];
    expect(settle(outbox, [msg(1, 'other')])).toBe(outbox);
    expect(settle(outbox, [msg(5, 'aaaaaaaa1')]).map((p) => p.clientId)).toEqual(['aaaaaaaa2']);
  });

  it('makes client ids the server accepts (8–64 characters, all different)', () => {
    const ids = new Set(Array.from({ length: 100 }, newClientId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id.length).toBeGreaterThanOrEqual(8);
  });
});
