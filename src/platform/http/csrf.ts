import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export const CSRF_COOKIE = 'bb_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The token is `nonce.mac`, the mac an HMAC over the nonce and the session it belongs to (none
 * before sign-in). A token therefore works only with its own session: one planted or read before
 * sign-in, or taken from another session, is refused; sign-in and sign-out issue a new one.
 */
function mac(secret: string, nonce: string, sessionId: string | null): string {
  return crypto
    .createHmac('sha256', secret)
    .update(`csrf|${nonce}|${sessionId ?? ''}`)
    .digest('base64url');
}

function isValidFor(secret: string, token: string | undefined, sessionId: string | null): boolean {
  if (!token) return false;
  const [nonce, given, extra] = token.split('.');
  if (!nonce || !given || extra !== undefined) return false;
  const want = Buffer.from(mac(secret, nonce, sessionId));
  const got = Buffer.from(given);
  return got.length === want.length && crypto.timingSafeEqual(got, want);
}

/**
 * Double-submit CSRF protection for every unsafe request: the web app copies the readable
 * `bb_csrf` cookie into the X-CSRF-Token header, which a cross-site form cannot do; the token must
 * also belong to the request's session (see mac()).
 */
export function checkCsrf(req: FastifyRequest, secret: string): void {
  if (SAFE.has(req.method)) return;
  const cookie = req.cookies[CSRF_COOKIE];
  const header = req.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || header !== cookie) throw new AppError('CSRF_FAILED');
  if (!isValidFor(secret, cookie, req.sessionId)) throw new AppError('CSRF_FAILED');
}

/** Issues a new CSRF token for `sessionId` (null: signed out); at sign-in, sign-out, or when missing. */
export function issueCsrfCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  secret: string,
  sessionId: string | null,
  secure: boolean,
): string {
  const nonce = crypto.randomBytes(18).toString('base64url');
  const value = `${nonce}.${mac(secret, nonce, sessionId)}`;
  reply.setCookie(CSRF_COOKIE, value, { path: '/', sameSite: 'lax', httpOnly: false, secure });
  req.cookies[CSRF_COOKIE] = value;
  return value;
}

/**
 * Gives the client a token for its current session when it has none or a stale one (the response
 * carries it; a write with the stale token is still refused, and the client's retry succeeds).
 */
export function ensureCsrfCookie(req: FastifyRequest, reply: FastifyReply, secret: string, secure: boolean): void {
  const existing = req.cookies[CSRF_COOKIE];
  if (isValidFor(secret, existing, req.sessionId)) return;
  const stale = existing;
  issueCsrfCookie(req, reply, secret, req.sessionId, secure);
  // keep what the client sent for checkCsrf, which must judge the request as it came
  if (stale) req.cookies[CSRF_COOKIE] = stale;
}
