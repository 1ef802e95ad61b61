import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export const CSRF_COOKIE = 'bb_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit CSRF protection for every unsafe request: the web app copies the readable
 * `bb_csrf` cookie (signed by the server, so it cannot be planted) into the X-CSRF-Token header.
 * A cross-site form can send the cookie but cannot read it to set the header.
 */
export function checkCsrf(req: FastifyRequest): void {
  if (SAFE.has(req.method)) return;
  const cookie = req.cookies[CSRF_COOKIE];
  const header = req.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || header !== cookie) throw new AppError('CSRF_FAILED');
  const unsigned = req.unsignCookie(cookie);
  if (!unsigned.valid) throw new AppError('CSRF_FAILED');
}

/** Issues the CSRF cookie when the client has none yet (any response can carry it). */
export function ensureCsrfCookie(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = req.cookies[CSRF_COOKIE];
  if (existing && req.unsignCookie(existing).valid) return existing;
  const value = reply.signCookie(crypto.randomBytes(18).toString('base64url'));
  reply.setCookie(CSRF_COOKIE, value, { path: '/', sameSite: 'lax', httpOnly: false, secure });
  req.cookies[CSRF_COOKIE] = value;
  return value;
}
