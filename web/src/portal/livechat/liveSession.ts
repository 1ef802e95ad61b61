/**
 * The citizen's live-help conversation in this tab: its token, what the page holds (messages, the
 * unacknowledged outbox) and the last known state, kept in sessionStorage so a reload resumes the
 * same conversation after the last seq it holds and retries unacknowledged messages with the same
 * clientId. One conversation per tab; the bot chat and the live chat read the same store.
 */
import { useSyncExternalStore } from 'react';
import { citizenChat } from '../../api/chat.js';
import type { Pending } from '../../api/chat-log.js';
import type { TChatMessage, TCitizenConversation } from '../../../../src/contracts/livechat.js';

export interface LiveSession {
  token: string;
  conversation: TCitizenConversation;
  messages: TChatMessage[];
  outbox: Pending[];
}

const KEY = 'bb_live_chat';
/** The bot conversation's token (botApi.ts keeps it under this key): its history travels to the agent. */
const BOT_TOKEN_KEY = 'bb_bot_token';

let current: LiveSession | null = load();
const listeners = new Set<() => void>();

function load(): LiveSession | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as LiveSession | null;
    return s && typeof s.token === 'string' && s.conversation ? s : null;
  } catch {
    return null;
  }
}

function save(): void {
  try {
    if (current) sessionStorage.setItem(KEY, JSON.stringify({ ...current, messages: current.messages.slice(-300) }));
    else sessionStorage.removeItem(KEY);
  } catch {
    /* private mode: kept in memory only */
  }
}

export function getLiveSession(): LiveSession | null {
  return current;
}

/** Replaces parts of the session (and remembers it for a reload). */
export function updateLiveSession(patch: Partial<LiveSession> | ((s: LiveSession) => Partial<LiveSession>)): void {
  if (!current) return;
  current = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
  save();
  listeners.forEach((l) => l());
}

/** Leaves the live chat in this tab (back to 小申); the conversation itself is ended by the server or the citizen. */
export function forgetLiveSession(): void {
  current = null;
  save();
  listeners.forEach((l) => l());
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The live conversation of this tab, or null (the bot chat is shown). */
export function useLiveSession(): LiveSession | null {
  return useSyncExternalStore(subscribe, getLiveSession, () => null);
}

function botToken(): string | undefined {
  try {
    return sessionStorage.getItem(BOT_TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Joins the queue (from 小申's 转人工客服, with its history, or directly); the page switches to the live chat. */
export async function startLiveChat(opts: { channel: 'portal' | 'widget'; question?: string }): Promise<void> {
  const question = opts.question?.trim().slice(0, 2000) || undefined;
  const token = botToken();
  const joined = await citizenChat.join({
    channel: opts.channel,
    ...(token ? { botToken: token } : {}),
    ...(question ? { question } : {}),
  });
  current = { token: joined.token, conversation: joined.conversation, messages: [], outbox: [] };
  save();
  listeners.forEach((l) => l());
}

/** 'widget' inside the embeddable widget's frame (/bot?embed=1), 'portal' otherwise. */
export function currentChannel(): 'portal' | 'widget' {
  return new URLSearchParams(window.location.search).get('embed') === '1' ? 'widget' : 'portal';
}
