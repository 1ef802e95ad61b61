/**
 * The live-help WebSocket (`/api/chat/ws`, frames in src/contracts/livechat.ts), on the same pattern
 * as live.ts: one connection per page, `hello` first (a citizen's token; staff use the session
 * cookie) with what the page already holds (`resume`: afterSeq per conversation), reconnected with
 * the same jittered backoff when it drops, a ping every 25 s so proxies keep it open. When the
 * browser goes offline the socket is dropped at once (Chromium keeps a dead one looking open until
 * TCP gives up, so frames would vanish into it: kept in the caller's outbox instead, sent again
 * on the next welcome); when it is online again it reconnects without waiting for the backoff.
 * Not reconnected after the server closed it for good (4401 no session / bad token, 4403, 1008).
 */
import { backoffMs } from './live.js';
import type { TChatClientFrame, TChatServerFrame } from '../../../src/contracts/livechat.js';

export type ChatSocketState = 'connecting' | 'open' | 'offline' | 'ended';

export interface ChatSocketOptions {
  /** the citizen's conversation token; undefined for staff */
  token?: () => string | undefined;
  /** what the page holds, asked again before every (re)connection */
  resume: () => { conversationId: string; afterSeq: number }[];
  onFrame(frame: TChatServerFrame): void;
  onState?(state: ChatSocketState): void;
}

const FINAL_CLOSE_CODES = new Set([1008, 4401, 4403, 4404]);

export class ChatSocket {
  private ws: WebSocket | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private ping: ReturnType<typeof setInterval> | null = null;
  private failures = 0;
  private stopped = true;
  private ready = false;

  constructor(private readonly opts: ChatSocketOptions) {}

  private readonly online = () => this.reconnectNow();
  private readonly offline = () => this.drop();

  /** Opens the connection (once). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.online);
    window.addEventListener('offline', this.offline);
    this.open();
  }

  /** Closes it for good (the page is left or the conversation is over). */
  stop(): void {
    window.removeEventListener('online', this.online);
    window.removeEventListener('offline', this.offline);
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.ping) clearInterval(this.ping);
    this.retry = this.ping = null;
    const ws = this.ws;
    this.ws = null;
    this.ready = false;
    ws?.close(1000);
  }

  /** True once the server said welcome on the current connection. */
  get isOpen(): boolean {
    return this.ready && this.ws?.readyState === WebSocket.OPEN;
  }

  /** Sends a frame if the connection is ready; false otherwise (the caller keeps it and retries on welcome). */
  send(frame: TChatClientFrame): boolean {
    if (!this.isOpen) return false;
    this.ws!.send(JSON.stringify(frame));
    return true;
  }

  /** Reconnects now (e.g. the browser says it is online again) instead of waiting for the backoff. */
  reconnectNow(): void {
    if (this.stopped || this.isOpen) return;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    if (!this.ws) this.open();
  }

  /** The network went away: the current socket is given up now, and retried with the backoff (or on `online`). */
  private drop(): void {
    const ws = this.ws;
    if (this.stopped || !ws) return;
    this.ws = null;
    this.ready = false;
    if (this.ping) clearInterval(this.ping);
    this.ping = null;
    ws.onclose = null;
    ws.close(1000);
    this.opts.onState?.('offline');
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => this.open(), backoffMs(this.failures++));
  }

  private open(): void {
    this.retry = null;
    this.ready = false;
    this.opts.onState?.('connecting');
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/chat/ws`);
    this.ws = ws;
    ws.onopen = () => {
      const token = this.opts.token?.();
      const hello: TChatClientFrame = { t: 'hello', resume: this.opts.resume().slice(0, 200) };
      if (token) hello.token = token;
      ws.send(JSON.stringify(hello));
    };
    ws.onmessage = (m: MessageEvent<string>) => {
      if (this.ws !== ws) return; // a socket given up (offline) that still delivers a last frame
      let frame: TChatServerFrame;
      try {
        frame = JSON.parse(m.data) as TChatServerFrame;
      } catch {
        return;
      }
      if (frame.t === 'welcome') {
        this.ready = true;
        this.failures = 0;
        if (this.ping) clearInterval(this.ping);
        this.ping = setInterval(() => this.send({ t: 'ping' }), 25_000);
        this.opts.onState?.('open');
      }
      if (frame.t !== 'pong') this.opts.onFrame(frame);
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.ready = false;
      if (this.ping) clearInterval(this.ping);
      this.ping = null;
      if (this.stopped) return;
      if (FINAL_CLOSE_CODES.has(ev.code)) {
        this.stopped = true;
        this.opts.onState?.('ended');
        return;
      }
      this.opts.onState?.('offline');
      this.retry = setTimeout(() => this.open(), backoffMs(this.failures++));
    };
  }
}
