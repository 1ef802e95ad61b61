/**
 * The pure part of a live-help conversation on the client: the messages held (by seq, each once)
 * and the outbox of messages sent but not yet acknowledged (by clientId). A retry after a
 * reconnect or a reload sends the same clientId, and the server answers the stored message again,
 * so merging by seq never shows a message twice and never drops one.
 */
import type { TChatMessage } from '../../../src/contracts/livechat.js';

/** A message the user sent that the server has not acknowledged yet. */
export interface Pending {
  clientId: string;
  conversationId: string;
  kind: 'text' | 'note';
  text: string;
  /** set after a 'reject': the reason, shown in words; the user may retry or discard */
  failed?: { zh: string; en: string } | null;
  /** resend even though it holds forbidden phrases (the agent chose 仍然发送) */
  force?: boolean;
}

/** Adds messages to a list ordered by seq; a seq already held is kept once (the newer copy wins). */
export function mergeMessages(held: readonly TChatMessage[], incoming: readonly TChatMessage[]): TChatMessage[] {
  if (!incoming.length) return held as TChatMessage[];
  const bySeq = new Map<string, TChatMessage>();
  for (const m of held) bySeq.set(`${m.conversationId}:${m.seq}`, m);
  for (const m of incoming) bySeq.set(`${m.conversationId}:${m.seq}`, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq || a.conversationId.localeCompare(b.conversationId));
}

/** The highest seq held for a conversation (0 = none): what to resume after. */
export function lastSeqOf(held: readonly TChatMessage[], conversationId?: string): number {
  let max = 0;
  for (const m of held) if ((!conversationId || m.conversationId === conversationId) && m.seq > max) max = m.seq;
  return max;
}

/** The outbox without the messages the server now holds (matched by clientId). */
export function settle(outbox: readonly Pending[], stored: readonly TChatMessage[]): Pending[] {
  const done = new Set(stored.map((m) => m.clientId).filter(Boolean));
  const left = outbox.filter((p) => !done.has(p.clientId));
  return left.length === outbox.length ? (outbox as Pending[]) : left;
}

/** A new client id for a message: random, 8–64 characters (the contract's bounds). */
export function newClientId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}
