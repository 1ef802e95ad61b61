import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Db } from '../../platform/db/connect.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/events/record-event.js';
import type { ApiScope } from '../../contracts/enums/integrations.js';
import { API_SCOPE_LABELS } from '../../contracts/enums/integrations.js';
import {
  SIGNATURE_TOLERANCE_S,
  clientIdOfKey,
  hashApiKey,
  sameDigest,
  signatureMatches,
  signingSecretOf,
} from './api-keys.js';
import { keyWorks, scopesOf } from './clients.repo.js';

export const SIGNATURE_HEADER = 'x-bangban-signature';
export const TIMESTAMP_HEADER = 'x-bangban-timestamp';
export const CLIENT_HEADER = 'x-bangban-client';
const RAW_BODY_LIMIT = 2 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** the bytes of the body as sent, kept only for a signed request (HMAC over them) */
    rawBody?: Buffer;
    apiClient?: AuthenticatedClient;
  }
}

export interface AuthenticatedClient {
  id: string;
  name: string;
  scopes: ApiScope[];
  ratePerMinute: number;
  keyId: string;
}

export interface ClientAuthDeps {
  db: Db;
  /** the server's secret (signing secrets are derived from it) */
  secret: string;
}

function refused(why: { zh: string; en: string }): AppError {
  return new AppError('UNAUTHENTICATED', {
    zh: `对接接口认证失败：${why.zh}请使用管理员签发的密钥（Authorization: Bearer <密钥>）或 HMAC 签名；工作人员登录状态不能调用此接口。`,
    en: `API authentication failed: ${why.en} Use the key an administrator issued (Authorization: Bearer <key>) or an HMAC signature; a staff session is not accepted here.`,
  });
}
const WRONG_KEY = { zh: '密钥无效、已过期或已吊销。', en: 'the key is wrong, expired or revoked.' };

/** The client with its working keys, in one read. */
async function loadClientKeys(db: Db, clientId: string, now: Date) {
  const rows = await db
    .selectFrom('api_client_keys as k')
    .innerJoin('api_clients as c', 'c.id', 'k.client_id')
    .select([
      'c.id',
      'c.name',
      'c.scopes',
      'c.rate_per_minute',
      'c.status',
      'k.id as key_id',
      'k.key_hash',
      'k.expires_at',
    ])
    .where('c.id', '=', clientId)
    .where('c.status', '=', 'active')
    .execute();
  return rows.filter((r) => keyWorks(r, now));
}

type Loaded = Awaited<ReturnType<typeof loadClientKeys>>[number];

function toClient(r: Loaded): AuthenticatedClient {
  return { id: r.id, name: r.name, scopes: scopesOf(r), ratePerMinute: r.rate_per_minute, keyId: r.key_id };
}

/**
 * Who is calling the integration API: a bearer key (compared by its SHA-256 in constant time) or
 * an HMAC signature over the timestamp and the body by one of the client's working keys' signing
 * secrets, the timestamp within ±5 minutes. Anything else, a staff cookie included, is 401.
 */
export async function authenticateClient(deps: ClientAuthDeps, req: FastifyRequest): Promise<AuthenticatedClient> {
  const now = req.now;
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^bearer\s+/i.test(auth)) {
    const key = auth.replace(/^bearer\s+/i, '').trim();
    const clientId = clientIdOfKey(key);
    if (!clientId) throw refused(WRONG_KEY);
    const hash = hashApiKey(key);
    const hit = (await loadClientKeys(deps.db, clientId, now)).find((r) => sameDigest(r.key_hash, hash));
    if (!hit) throw refused(WRONG_KEY);
    return toClient(hit);
  }
  const signature = req.headers[SIGNATURE_HEADER];
  if (typeof signature === 'string' && signature) {
    const ts = req.headers[TIMESTAMP_HEADER];
    const clientId = req.headers[CLIENT_HEADER];
    if (typeof ts !== 'string' || !/^\d{9,12}$/.test(ts) || typeof clientId !== 'string' || clientId.length > 64)
      throw refused({
        zh: `签名请求须带 ${CLIENT_HEADER} 与 ${TIMESTAMP_HEADER}（Unix 秒）。`,
        en: `a signed request needs ${CLIENT_HEADER} and ${TIMESTAMP_HEADER} (Unix seconds).`,
      });
    if (Math.abs(now.getTime() / 1000 - Number(ts)) > SIGNATURE_TOLERANCE_S)
      throw refused({
        zh: '签名时间戳与服务器时间相差超过 5 分钟。',
        en: 'the signature timestamp is more than 5 minutes from the server time.',
      });
    const body = req.rawBody ?? Buffer.alloc(0);
    const hit = (await loadClientKeys(deps.db, clientId, now)).find((r) =>
      signatureMatches(signingSecretOf(deps.secret, r.key_id), ts, body, signature),
    );
    if (!hit) throw refused({ zh: '签名不正确。', en: 'the signature does not match.' });
    return toClient(hit);
  }
  throw refused({ zh: '缺少密钥。', en: 'no key was sent.' });
}

/** The actor of what a client system does: the audit trail names the system. */
export function clientActor(req: FastifyRequest): Actor {
  const c = req.apiClient!;
  return { userId: null, label: `对接系统 API client: ${c.name} [${c.id}]`, ip: req.ip, requestId: req.id };
}

/** Keeps the raw body of a signed request for its HMAC (the parsed JSON would not give the same bytes). */
async function keepRawBody(req: FastifyRequest, _reply: FastifyReply, payload: NodeJS.ReadableStream) {
  if (!req.headers[SIGNATURE_HEADER]) return payload;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of payload) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    size += b.length;
    if (size > RAW_BODY_LIMIT) throw new AppError('PAYLOAD_TOO_LARGE');
    chunks.push(b);
  }
  req.rawBody = Buffer.concat(chunks);
  return Readable.from([req.rawBody]);
}

/**
 * The options of a route that client systems call: no session (a staff cookie is not even read,
 * never accepted), no CSRF (no cookie to forge, none given), the client authenticated before the body is validated,
 * the scope checked (403), then a rate limit per client (its own requests per minute).
 */
export function clientRoute(deps: ClientAuthDeps, scope: ApiScope): RouteShorthandOptions {
  return {
    config: {
      public: true,
      csrf: false,
      session: false,
      rateLimit: {
        hook: 'preValidation',
        timeWindow: 60_000,
        keyGenerator: (req: FastifyRequest) => `api-client:${req.apiClient?.id ?? req.ip}`,
        max: async (req: FastifyRequest) => req.apiClient?.ratePerMinute ?? 1,
      },
    },
    preParsing: keepRawBody,
    preValidation: async (req) => {
      const client = await authenticateClient(deps, req);
      if (!client.scopes.includes(scope))
        throw new AppError('FORBIDDEN', {
          zh: `该对接系统没有“${API_SCOPE_LABELS[scope].zh}”（${scope}）权限，请联系管理员。`,
          en: `This API client lacks the scope "${scope}" (${API_SCOPE_LABELS[scope].en}); ask an administrator.`,
        });
      req.apiClient = client;
      req.clientSystem = { id: client.id, name: client.name };
    },
  };
}
