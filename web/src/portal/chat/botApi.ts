/**
 * The 小申 bot API, for citizens: no cookies, no CSRF; a conversation is named by the token in
 * `X-Bot-Token`, kept in sessionStorage (one conversation per tab). An expired conversation is
 * replaced by a new one transparently.
 */
import type { Period } from '../../api/types.js';

export interface LiveHelp {
  open: boolean;
  nextOpening: string | null;
  periods: Period[];
}
export interface Bilingual {
  zh: string;
  en: string;
}
export interface BotAnswer {
  entryId: string;
  code: string;
  question: string;
  answerHtml: string;
  matter: string | null;
  guideUrl: string | null;
  department: string | null;
  lastReviewed: string | null;
  version: number;
}
export interface QuestionRef {
  entryId: string;
  question: string;
}
export type Decision = 'answer' | 'suggest' | 'none' | 'smalltalk' | 'picked';
export interface AskReply {
  turnId: string;
  decision: Decision;
  message: Bilingual | null;
  answer: BotAnswer | null;
  suggestions: QuestionRef[];
  related: QuestionRef[];
  confidence: number;
  liveHelp: LiveHelp;
}
export type NextStep = 'rate' | 'transfer' | 'leave_message';
export interface FeedbackReply {
  ok: boolean;
  next: NextStep;
  liveHelp: LiveHelp;
}
export interface MessageReceipt {
  number: string;
  dueAt: string;
}

/** An error answered by the bot API, with the server's words in both languages. */
export class BotError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual | null,
    readonly details?: unknown,
  ) {
    super(messages?.zh ?? code);
  }
}

const TOKEN_KEY = 'bb_bot_token';
let channel: 'portal' | 'widget' = 'portal';
let starting: Promise<string> | null = null;

/** 'widget' when the chat runs inside the embeddable widget's frame. */
export function setChannel(c: 'portal' | 'widget'): void {
  channel = c;
}

let memoryToken: string | null = null;
function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return memoryToken;
  }
}
function writeToken(t: string | null): void {
  memoryToken = t;
  try {
    if (t) sessionStorage.setItem(TOKEN_KEY, t);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* private mode */
  }
}

async function send<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['X-Bot-Token'] = token;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new BotError(0, 'NETWORK', null);
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; messages?: Bilingual; details?: unknown } } | null)?.error;
    throw new BotError(res.status, err?.code ?? `HTTP_${res.status}`, err?.messages ?? null, err?.details);
  }
  return data as T;
}

/** Forgets the current conversation; the next question starts a new one. */
export function resetSession(): void {
  writeToken(null);
}

/** Starts a conversation (once, even when called twice at the same time). */
export async function startSession(): Promise<string> {
  if (!starting) {
    starting = send<{ token: string; liveHelp: LiveHelp }>('POST', '/api/bot/sessions', { channel })
      .then((s) => {
        writeToken(s.token);
        return s.token;
      })
      .finally(() => {
        starting = null;
      });
  }
  return starting;
}

/** A call inside the conversation; an expired conversation is replaced once, then the call repeated. */
async function inSession<T>(path: string, body: unknown): Promise<T> {
  let token = readToken() ?? (await startSession());
  try {
    return await send<T>('POST', path, body, token);
  } catch (e) {
    if (e instanceof BotError && e.status === 401) {
      writeToken(null);
      token = await startSession();
      return send<T>('POST', path, body, token);
    }
    throw e;
  }
}

export const bot = {
  ask: (body: { question: string } | { pick: string }) => inSession<AskReply>('/api/bot/ask', body),
  feedback: (turnId: string, solved: boolean) =>
    inSession<FeedbackReply>(`/api/bot/turns/${encodeURIComponent(turnId)}/feedback`, { solved }),
  rate: (level: number, comment?: string) =>
    inSession<{ ok: boolean }>('/api/bot/rating', comment ? { level, comment } : { level }),
  leaveMessage: (m: { name: string; phone: string; question: string }) =>
    inSession<MessageReceipt>('/api/bot/messages', m),
  status: () => send<{ entries: number; liveHelp: LiveHelp }>('GET', '/api/bot/status'),
};
