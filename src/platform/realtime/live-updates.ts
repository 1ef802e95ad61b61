import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TLiveEvent } from '../../contracts/live.js';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { EventFeed, StoredEvent } from '../events/event-feed.js';
import { requireUser } from '../http/context.js';
import type { Principal } from '../policy/principal.js';

/** Which departments' events a user may see: all, or only those of the user's own department. */
export type LiveScope = { all: true } | { all: false; departmentId: string | null };

/**
 * The subject type of personal events (a user's own notices: `notification.created`, …): such an
 * event reaches only the user it names (subjectId = the user's id), whatever their scope.
 */
export const PERSONAL_SUBJECT = 'user_inbox';

/**
 * Event types never pushed: other people's sign-ins are nobody's live business, and live-help
 * chatter (each message, read mark, typing, consultation) goes to its own sockets (/api/chat/ws).
 */
const PRIVATE_TYPES = /^(auth\.|livechat\.(message_posted|read|typing|consult_posted)$)/;

/** Whether a user with `scope` is told about `e`: events of no department reach every staff member. */
export function mayReceive(
  scope: LiveScope & { userId?: string },
  e: Pick<StoredEvent, 'type' | 'departmentId'> & Partial<Pick<StoredEvent, 'subjectType' | 'subjectId'>>,
): boolean {
  if (PRIVATE_TYPES.test(e.type)) return false;
  if (e.subjectType === PERSONAL_SUBJECT) return scope.userId !== undefined && scope.userId === e.subjectId;
  if (e.departmentId === null || scope.all) return true;
  return scope.departmentId !== null && scope.departmentId === e.departmentId;
}

/** The event as pushed: what changed and where, never the event's data (it may hold personal details). */
export function liveEventOf(e: StoredEvent): TLiveEvent {
  return {
    id: e.id,
    type: e.type,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    departmentId: e.departmentId,
    at: e.createdAt,
  };
}

/** A browser page may connect only from this site (a cross-site page would ride on the user's cookie). */
function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (origin === undefined) return; // not a browser: no ambient cookie to abuse
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    /* not a URL */
  }
  if (host !== req.host)
    throw new AppError('FORBIDDEN', {
      zh: '不允许从其他网站连接实时更新。',
      en: 'Live updates may not be opened from another site.',
    });
}

interface LiveSocket {
  readyState: number;
  send(data: string): void;
  ping(): void;
  close(code?: number, reason?: string): void;
  on(event: 'close', fn: () => void): void;
}
interface Listener {
  socket: LiveSocket;
  scope: LiveScope & { userId: string };
  sessionToken: string;
}

/**
 * `/api/live`: a WebSocket for signed-in staff that pushes every event (from any node, via the
 * event feed) the user may see, so pages refresh when something they show has changed. The
 * session is checked again every half minute; a signed-out user's socket is closed (4401).
 */
export function installLiveUpdates(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; feed: EventFeed; scopeOf(p: Principal): LiveScope },
): void {
  const listeners = new Set<Listener>();
  const OPEN = 1;

  const onEvent = (e: StoredEvent) => {
    let message: string | null = null;
    for (const l of listeners) {
      if (l.socket.readyState !== OPEN || !mayReceive(l.scope, e)) continue;
      message ??= JSON.stringify(liveEventOf(e));
      try {
        l.socket.send(message);
      } catch {
        l.socket.close(1011, 'send failed'); // one broken socket must not make the feed redeliver to all
      }
    }
  };
  // a broadcast consumer: every node pushes to its own sockets
  const unsubscribe = deps.feed.subscribe({ name: 'realtime.live', handle: onEvent });

  const sweep = setInterval(() => {
    void (async () => {
      for (const l of listeners) {
        const s = await resolveSession(deps.db, l.sessionToken, deps.clock.now());
        if (s.state !== 'valid') l.socket.close(4401, 'session ended');
        else if (l.socket.readyState === OPEN) l.socket.ping();
      }
    })().catch((err) => app.log.error({ err }, 'live updates: session check failed'));
  }, 30_000);
  sweep.unref();

  app.addHook('onClose', async () => {
    clearInterval(sweep);
    unsubscribe();
    for (const l of listeners) l.socket.close(1001, 'server shutting down');
  });

  app.get(
    '/api/live',
    {
      websocket: true,
      schema: { hide: true },
      // runs before the app-wide session check, so a foreign page is refused whether signed in or not
      onRequest: async (req) => checkOrigin(req),
    },
    (socket: LiveSocket, req: FastifyRequest) => {
      const p = requireUser(req);
      const l: Listener = {
        socket,
        scope: { ...deps.scopeOf(p), userId: p.id },
        sessionToken: req.cookies[SESSION_COOKIE] ?? '',
      };
      listeners.add(l);
      socket.on('close', () => listeners.delete(l));
    },
  );
}
