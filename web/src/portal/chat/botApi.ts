/**
 * The 小申 bot API, for citizens: no cookies, no CSRF; a conversation is named by the token in
 * `X-Bot-Token`, kept in sessionStorage (one conversation per tab). An expired conversation is
 * replaced by a new one transparently.
 */
import { ApiError, request } from '../../api/client.js';
import type {
  TAskReply,
  TBotSession,
  TBotStatus,
  TChoiceReply,
  TFeedbackReply,
  TMessageReceipt,
} from '../../../../src/contracts/bot.js';

export type { Bilingual } from '../../../../src/contracts/enums/common.js';
export type {
  TAskReply as AskReply,
  TLiveHelp as LiveHelp,
  TMessageReceipt as MessageReceipt,
} from '../../../../src/contracts/bot.js';

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

/** A bot call: the conversation's token instead of cookies (see ../../api/client.ts). */
function send<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  return request<T>(method, path, body, { botToken: token });
}

/** Forgets the current conversation; the next question starts a new one. */
export function resetSession(): void {
  writeToken(null);
}

/** Starts a conversation (once, even when called twice at the same time). */
export async function startSession(): Promise<string> {
  if (!starting) {
    starting = send<TBotSession>('POST', '/api/bot/sessions', { channel })
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
    if (e instanceof ApiError && e.status === 401) {
      writeToken(null);
      token = await startSession();
      return send<T>('POST', path, body, token);
    }
    throw e;
  }
}

export const bot = {
  ask: (body: { question: string } | { pick: string }) => inSession<TAskReply>('/api/bot/ask', body),
  feedback: (turnId: string, solved: boolean) =>
    inSession<TFeedbackReply>(`/api/bot/turns/${encodeURIComponent(turnId)}/feedback`, { solved }),
  /** the "您是不是想问" choice taken: a suggested entry (its answer comes back) or 'none' (都不是) */
  choose: (turnId: string, entryId: string) =>
    inSession<TChoiceReply>(`/api/bot/turns/${encodeURIComponent(turnId)}/choice`, { entryId }),
  rate: (level: number, comment?: string) =>
    inSession<{ ok: boolean }>('/api/bot/rating', comment ? { level, comment } : { level }),
  leaveMessage: (m: { name: string; phone: string; question: string }) =>
    inSession<TMessageReceipt>('/api/bot/messages', m),
  status: () => send<TBotStatus>('GET', '/api/bot/status'),
};
