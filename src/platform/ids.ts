import crypto from 'node:crypto';

/** the last id's time (ms) and counter: ids made in one millisecond keep their order */
let lastMs = 0;
let counter = 0;
const rand = Buffer.alloc(8);

/**
 * Portable primary keys: UUIDs of version 7 (RFC 9562) stored as text on both databases — the
 * time in milliseconds first, then a counter and 62 random bits. Rows written together sit
 * together in an index: a new row's key is appended at the end of the primary-key index instead
 * of landing on a random page (a random UUID dirtied one more page per row written, on both
 * engines). Still unguessable (74 random bits); they tell when a row was made, as its
 * `created_at` does.
 */
export function newId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = crypto.randomInt(0, 0x400); // a random start, room for 3,000 more in this millisecond
  } else if (++counter > 0xfff) {
    lastMs++; // more than the counter holds in one millisecond: borrow the next one
    counter = 0;
  }
  crypto.randomFillSync(rand);
  const hex = rand.toString('hex');
  const variant = ((rand[0] & 0x3f) | 0x80).toString(16);
  const ms = lastMs.toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${variant}${hex.slice(2, 4)}-${hex.slice(4, 16)}`;
}

/** A URL-safe random token for sessions and CSRF. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** Tokens are stored hashed so a leaked database does not leak live sessions. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
