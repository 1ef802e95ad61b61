import crypto from 'node:crypto';

/**
 * The credentials of a client system. A key is `bb_<clientId>_<64 hex>` (256 random bits), so the
 * client is found from the key itself and only the key's SHA-256 needs to be stored (a slow hash
 * adds nothing for a random key of this length). Each key has a signing secret for HMAC requests
 * and the callbacks we send; it is derived from the server's secret and the key's id, so it is
 * never stored: a copy of the database alone yields no usable credential.
 */
const KEY_PATTERN = /^bb_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([0-9a-f]{64})$/;

/** A new key for a client. */
export function newApiKey(clientId: string): string {
  return `bb_${clientId}_${crypto.randomBytes(32).toString('hex')}`;
}

/** The client a key names, or null when the string is not shaped like one of our keys. */
export function clientIdOfKey(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

/** Compares two hex digests in constant time (a mismatch in length is not secret). */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && crypto.timingSafeEqual(x, y);
}

/** The key's signing secret: HMAC requests from the client and our callbacks to it are signed with it. */
export function signingSecretOf(serverSecret: string, keyId: string): string {
  return `bbs_${crypto.createHmac('sha256', serverSecret).update(`api-client-signing|${keyId}`).digest('hex')}`;
}

/** The last characters of a key, to tell keys apart in the admin screen. */
export function keyHint(key: string): string {
  return `…${key.slice(-6)}`;
}

/**
 * `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<body>`): the scheme of the HMAC requests a
 * client may send (instead of a bearer key) and of the callbacks we send it. The timestamp is
 * Unix seconds as sent in `X-Bangban-Timestamp`; the body is the raw bytes as sent.
 */
export function signPayload(secret: string, timestamp: string, body: string | Buffer): string {
  const mac = crypto.createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `sha256=${mac}`;
}

/** How far a signed request's timestamp may be from our clock (a replay outside it is refused). */
export const SIGNATURE_TOLERANCE_S = 300;

/** True when `header` carries a valid signature of `body` by `secret` at `timestamp`. */
export function signatureMatches(secret: string, timestamp: string, body: string | Buffer, header: string): boolean {
  const want = signPayload(secret, timestamp, body).slice('sha256='.length);
  return header
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('sha256='))
    .some((s) => sameDigest(s.slice('sha256='.length), want));
}
