/**
 * The web app's one HTTP client (the only `fetch` in web/src): same-origin JSON, server errors as
 * ApiError. Two ways to be known to the server:
 *  - `session` (default, staff): the session cookie, and the CSRF header on every unsafe request;
 *  - `{ botToken }` (citizens' 小申 conversation): no cookies, no CSRF, the conversation's token in
 *    `X-Bot-Token`, so it also works inside the embeddable widget's frame.
 */
import type { Bilingual } from '../../../src/contracts/enums/common.js';

export interface ApiErrorBody {
  code: string;
  message: string;
  messages?: Bilingual;
  details?: unknown;
  requestId?: string;
}

/** An error answered by the server; `message` is already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
    /** the server's words in both languages; null when the server was not reached */
    readonly messages: Bilingual | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** Form fields named in a VALIDATION_FAILED answer (`body.username` → `username`). */
  get fields(): string[] {
    const d = this.details as { issues?: { field?: string }[]; field?: string } | null;
    const named = [...(d?.issues ?? []).map((i) => i.field), d?.field];
    return named.map((f) => String(f ?? '').replace(/^(body|query|params)\./, '')).filter(Boolean);
  }
}

type Listener = (e: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();
/** Called when the server says the session is gone (401), so the app can send the user to sign in. */
export function onUnauthenticated(fn: Listener): () => void {
  unauthenticatedListeners.add(fn);
  return () => unauthenticatedListeners.delete(fn);
}

const mutationListeners = new Set<(path: string) => void>();
/** Called after every successful change (POST, PUT, PATCH, DELETE) of the staff session, with its path. */
export function onMutated(fn: (path: string) => void): () => void {
  mutationListeners.add(fn);
  return () => mutationListeners.delete(fn);
}

function readCookie(name: string): string | null {
  const m = document.cookie.match(new RegExp(`(?:^|;\\s*)${name}=([^;]*)`));
  return m ? decodeURIComponent(m[1]) : null;
}

async function csrfToken(): Promise<string> {
  let token = readCookie('bb_csrf');
  if (!token) {
    // Any response sets the cookie; a cheap GET fetches one when it is missing.
    await fetch('/api/auth/me', { credentials: 'same-origin' }).catch(() => undefined);
    token = readCookie('bb_csrf');
  }
  return token ?? '';
}

const english = () => document.documentElement.lang === 'en';

function networkError(): ApiError {
  return new ApiError(
    0,
    'NETWORK',
    english()
      ? 'Cannot reach the server. Check your network connection and try again.'
      : '无法连接服务器，请检查网络后重试。',
  );
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Who the request speaks for: the staff session (cookie + CSRF), a citizen's bot conversation, or a
 * citizen's live-help conversation (its token in `X-Chat-Token`).
 */
export type Caller = 'session' | { botToken?: string; chatToken?: string };

/** A request body sent as it is (a file upload), with its own content type. */
export interface RawBody {
  raw: Blob;
  type: string;
  headers?: Record<string, string>;
}
const isRaw = (b: unknown): b is RawBody => typeof b === 'object' && b !== null && 'raw' in b && b.raw instanceof Blob;

async function send(method: string, path: string, body: unknown, caller: Caller, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  const raw = isRaw(body) ? body : null;
  if (raw) Object.assign(headers, raw.headers, { 'Content-Type': raw.type });
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  const session = caller === 'session';
  if (session && method !== 'GET') headers['X-CSRF-Token'] = await csrfToken();
  if (!session && caller.botToken) headers['X-Bot-Token'] = caller.botToken;
  if (!session && caller.chatToken) headers['X-Chat-Token'] = caller.chatToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: session ? 'same-origin' : 'omit',
      body: raw ? raw.raw : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
}

/** Downloads a file (an image, a transcript) as a Blob, with the caller's credentials; throws ApiError. */
export async function requestBlob(path: string, caller: Caller = 'session'): Promise<Blob> {
  const res = await send('GET', path, undefined, caller, '*/*');
  if (!res.ok) await failed(res, path, caller);
  return res.blob();
}

/** Sends one request and returns the parsed JSON answer, or throws ApiError. */
export async function request<T>(method: string, path: string, body?: unknown, caller: Caller = 'session'): Promise<T> {
  const res = await send(method, path, body, caller, 'application/json');
  if (!res.ok) await failed(res, path, caller);
  const session = caller === 'session';
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  if (session && method !== 'GET') mutationListeners.forEach((fn) => fn(path));
  return data as T;
}

/** Throws the server's refusal as ApiError (and tells the app when the session is gone). */
async function failed(res: Response, path: string, caller: Caller): Promise<never> {
  const session = caller === 'session';
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  const err = (data as { error?: ApiErrorBody } | null)?.error;
  const fallback = english()
    ? `The server could not complete the request (${res.status}). Please try again later.`
    : `服务器暂时无法完成请求（${res.status}），请稍后再试。`;
  const e = new ApiError(
    res.status,
    err?.code ?? 'HTTP_' + res.status,
    err?.message ?? fallback,
    err?.details,
    err?.requestId,
    err?.messages ?? null,
  );
  if (session && res.status === 401 && path !== '/api/auth/login') unauthenticatedListeners.forEach((fn) => fn(e));
  throw e;
}

/** The staff session's calls. */
export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** The message to show for any thrown value: the server's words, never a stack. */
export function errorText(e: unknown, fallback: string): string {
  return e instanceof ApiError ? e.message : fallback;
}
