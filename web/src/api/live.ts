/**
 * The web app's one WebSocket: `/api/live` pushes each recorded event the signed-in user may see
 * (type, subject, department, time; never the event's data). One connection per tab, opened while
 * someone listens, reconnected with exponential backoff (1 s … 30 s, jittered) when it drops;
 * not after the server closed it because the session ended (4401).
 */
import { useEffect, useRef } from 'react';
import type { TLiveEvent } from '../../../src/contracts/live.js';

type Handler = (e: TLiveEvent) => void;

const handlers = new Set<Handler>();
let socket: WebSocket | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;
let failures = 0;

/** Milliseconds before reconnection attempt number `n` (0-based): doubling from 1 s, at most 30 s, ±25 %. */
export function backoffMs(n: number, random = Math.random()): number {
  return Math.round(Math.min(30_000, 1000 * 2 ** n) * (0.75 + random * 0.5));
}

function open(): void {
  retry = null;
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`);
  socket = ws;
  ws.onopen = () => {
    failures = 0;
  };
  ws.onmessage = (m: MessageEvent<string>) => {
    let e: TLiveEvent;
    try {
      e = JSON.parse(m.data) as TLiveEvent;
    } catch {
      return;
    }
    handlers.forEach((h) => h(e));
  };
  ws.onclose = (ev) => {
    if (socket === ws) socket = null;
    if (!handlers.size || ev.code === 4401) return;
    retry = setTimeout(open, backoffMs(failures++));
  };
}

function close(): void {
  if (retry) clearTimeout(retry);
  retry = null;
  const ws = socket;
  socket = null;
  ws?.close(1000);
}

/** Listens to every live event; the connection opens with the first listener and closes with the last. */
export function subscribeLive(handler: Handler): () => void {
  handlers.add(handler);
  if (!socket && !retry) open();
  return () => {
    handlers.delete(handler);
    if (!handlers.size) close();
  };
}

/**
 * Calls `handler` for each live event whose type is in `types`; an entry ending in '.' matches a
 * family (`'kb.'` → every knowledge-base event), `'*'` matches all.
 */
export function useLiveEvents(types: readonly string[], handler: Handler, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  const key = types.join('|');
  useEffect(() => {
    if (!enabled) return;
    const wanted = key.split('|');
    return subscribeLive((e) => {
      if (wanted.some((t) => t === '*' || t === e.type || (t.endsWith('.') && e.type.startsWith(t)))) ref.current(e);
    });
  }, [key, enabled]);
}
