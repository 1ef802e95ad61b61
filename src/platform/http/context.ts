import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Actor } from '../events/record-event.js';
import type { Principal } from '../policy/principal.js';

export type Lang = 'zh' | 'en';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** reachable without signing in; every other /api route requires a session (secure by default) */
    public?: boolean;
    /** false for routes authenticated by a header token rather than cookies (no CSRF risk) */
    csrf?: boolean;
    /** false for routes only client systems call (by key): no session is read, no CSRF cookie given */
    session?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionState: 'none' | 'expired' | 'valid';
    sessionId: string | null;
    now: Date;
    /** an external system that authenticated with its API key instead of a session (integrations module) */
    clientSystem?: { id: string; name: string };
  }
}

/** The signed-in principal, or the right 401 (no session vs expired session). */
export function requireUser(req: FastifyRequest): Principal {
  if (req.principal) return req.principal;
  throw new AppError(req.sessionState === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
}

/** The actor recorded in events for this request. */
export function actorOf(req: FastifyRequest): Actor {
  const p = req.principal;
  return {
    userId: p?.id ?? null,
    label: p ? `${p.displayName} (${p.username})` : 'anonymous',
    departmentId: p?.departmentId ?? null,
    ip: req.ip,
    requestId: req.id,
  };
}

/** The language of messages for this request: `bb_lang` cookie, then Accept-Language, then Chinese. */
export function langOf(req: FastifyRequest): Lang {
  const cookie = (req.cookies as Record<string, string | undefined> | undefined)?.bb_lang;
  if (cookie === 'en' || cookie === 'zh') return cookie;
  const accept = String(req.headers['accept-language'] ?? '');
  return /^en\b/i.test(accept) ? 'en' : 'zh';
}
