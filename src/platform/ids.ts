import crypto from 'node:crypto';

/** Portable primary keys: random UUIDs stored as text on both databases. */
export function newId(): string {
  return crypto.randomUUID();
}

/** A URL-safe random token for sessions and CSRF. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** Tokens are stored hashed so a leaked database does not leak live sessions. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
