import { useCallback, useEffect, useRef, useState } from 'react';
import { citizenChat } from '../../api/chat.js';
import { lastSeqOf, mergeMessages, newClientId, settle } from '../../api/chat-log.js';
import { ChatSocket, type ChatSocketState } from '../../api/chat-socket.js';
import { ApiError } from '../../api/client.js';
import { CHAT_FILE_MAX_BYTES, CHAT_FILE_TYPES } from '../../../../src/contracts/enums/livechat.js';
import type { TChatServerFrame } from '../../../../src/contracts/livechat.js';
import { getLiveSession, updateLiveSession, type LiveSession } from './liveSession.js';

/** How long "the agent is typing" shows after the last typing frame. */
const TYPING_SHOWN_MS = 6000;
/** At most one typing frame per this many milliseconds. */
const TYPING_EVERY_MS = 3000;

export type UploadState = { name: string; error?: { zh: string; en: string } | 'type' | 'size' | null } | null;

/**
 * The citizen's side of a live conversation: the socket, the messages by seq, the outbox (shown as
 * "sending" until acknowledged, resent with the same clientId after every reconnection), typing and
 * read state. Everything the page must survive a reload with lives in liveSession.
 */
export function useLiveChat(session: LiveSession) {
  const { token } = session;
  const conversationId = session.conversation.id;
  const [socketState, setSocketState] = useState<ChatSocketState>('connecting');
  const [agentTypingUntil, setAgentTypingUntil] = useState(0);
  const [upload, setUpload] = useState<UploadState>(null);
  const socketRef = useRef<ChatSocket | null>(null);
  const lastTypingSent = useRef(0);
  const lastReadSent = useRef(0);

  const flushOutbox = useCallback(() => {
    const s = getLiveSession();
    const socket = socketRef.current;
    if (!s || !socket?.isOpen) return;
    for (const p of s.outbox)
      if (!p.failed)
        socket.send({ t: 'send', conversationId: p.conversationId, clientId: p.clientId, kind: 'text', text: p.text });
  }, []);

  /** Fetches what the socket's replay may have missed (a belt to its braces; merging by seq keeps each once). */
  const catchUp = useCallback(async () => {
    const s = getLiveSession();
    if (!s) return;
    try {
      const [conversation, page] = await Promise.all([
        citizenChat.get(s.token),
        citizenChat.messages(s.token, lastSeqOf(s.messages)),
      ]);
      updateLiveSession((cur) => {
        const messages = mergeMessages(cur.messages, page.items);
        return { conversation, messages, outbox: settle(cur.outbox, messages) };
      });
    } catch {
      /* the socket's replay is enough; the next reconnection tries again */
    }
  }, []);

  const onFrame = useCallback(
    (f: TChatServerFrame) => {
      switch (f.t) {
        case 'welcome':
          flushOutbox();
          void catchUp();
          break;
        case 'ack':
        case 'message':
          if (f.message.conversationId !== conversationId) return;
          updateLiveSession((cur) => {
            const messages = mergeMessages(cur.messages, [f.message]);
            return { messages, outbox: settle(cur.outbox, messages) };
          });
          if (f.t === 'message' && f.message.from !== 'citizen') setAgentTypingUntil(0);
          break;
        case 'reject':
          updateLiveSession((cur) => ({
            outbox: cur.outbox.map((p) => (p.clientId === f.clientId ? { ...p, failed: f.message } : p)),
          }));
          break;
        case 'typing':
          if (f.conversationId === conversationId && f.from === 'agent')
            setAgentTypingUntil(Date.now() + TYPING_SHOWN_MS);
          break;
        case 'read':
          if (f.conversationId === conversationId && f.by === 'agent')
            updateLiveSession((cur) => ({
              conversation: { ...cur.conversation, agentReadSeq: Math.max(cur.conversation.agentReadSeq, f.seq) },
            }));
          break;
        case 'conversation':
          if (f.conversation.id === conversationId) updateLiveSession({ conversation: f.conversation });
          break;
        default:
          break;
      }
    },
    [conversationId, flushOutbox, catchUp],
  );

  useEffect(() => {
    const socket = new ChatSocket({
      token: () => token,
      resume: () => {
        const s = getLiveSession();
        return s ? [{ conversationId: s.conversation.id, afterSeq: lastSeqOf(s.messages) }] : [];
      },
      onFrame,
      onState: setSocketState,
    });
    socketRef.current = socket;
    socket.start();
    return () => {
      socket.stop();
      socketRef.current = null;
    };
  }, [token, onFrame]);

  // The agent's typing indicator fades on its own.
  useEffect(() => {
    if (!agentTypingUntil) return;
    const t = setTimeout(() => setAgentTypingUntil(0), Math.max(0, agentTypingUntil - Date.now()));
    return () => clearTimeout(t);
  }, [agentTypingUntil]);

  // Read state: what the citizen has on screen (page visible) is read.
  const lastFromStaff = session.messages.reduce((max, m) => (m.from !== 'citizen' ? Math.max(max, m.seq) : max), 0);
  useEffect(() => {
    const markRead = () => {
      if (document.visibilityState !== 'visible' || lastFromStaff <= lastReadSent.current) return;
      if (socketRef.current?.send({ t: 'read', conversationId, seq: lastFromStaff }))
        lastReadSent.current = lastFromStaff;
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [lastFromStaff, conversationId, socketState]);

  const send = useCallback(
    (text: string) => {
      const clientId = newClientId();
      updateLiveSession((cur) => ({
        outbox: [...cur.outbox, { clientId, conversationId, kind: 'text' as const, text }],
      }));
      socketRef.current?.send({ t: 'send', conversationId, clientId, kind: 'text', text });
    },
    [conversationId],
  );

  /** Sends a failed message again, with the same clientId (the server stores it at most once). */
  const retry = useCallback(
    (clientId: string) => {
      const p = getLiveSession()?.outbox.find((x) => x.clientId === clientId);
      if (!p) return;
      updateLiveSession((cur) => ({
        outbox: cur.outbox.map((x) => (x.clientId === clientId ? { ...x, failed: undefined } : x)),
      }));
      socketRef.current?.send({ t: 'send', conversationId, clientId, kind: 'text', text: p.text });
    },
    [conversationId],
  );

  const discard = useCallback((clientId: string) => {
    updateLiveSession((cur) => ({ outbox: cur.outbox.filter((x) => x.clientId !== clientId) }));
  }, []);

  const typing = useCallback(() => {
    const now = Date.now();
    if (now - lastTypingSent.current < TYPING_EVERY_MS) return;
    if (socketRef.current?.send({ t: 'typing', conversationId })) lastTypingSent.current = now;
  }, [conversationId]);

  const sendFile = useCallback(
    async (file: File) => {
      if (!(CHAT_FILE_TYPES as readonly string[]).includes(file.type)) {
        setUpload({ name: file.name, error: 'type' });
        return;
      }
      if (file.size > CHAT_FILE_MAX_BYTES) {
        setUpload({ name: file.name, error: 'size' });
        return;
      }
      setUpload({ name: file.name });
      try {
        const message = await citizenChat.upload(token, file, newClientId());
        updateLiveSession((cur) => ({ messages: mergeMessages(cur.messages, [message]) }));
        setUpload(null);
      } catch (e) {
        setUpload({ name: file.name, error: e instanceof ApiError && e.messages ? e.messages : null });
      }
    },
    [token, conversationId],
  );

  return {
    socketState,
    agentTyping: agentTypingUntil > 0,
    upload,
    clearUpload: () => setUpload(null),
    send,
    retry,
    discard,
    typing,
    sendFile,
  };
}
