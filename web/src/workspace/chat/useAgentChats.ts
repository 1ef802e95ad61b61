import { useCallback, useEffect, useRef, useState } from 'react';
import { agentChat } from '../../api/chat.js';
import { lastSeqOf, mergeMessages, newClientId, settle, type Pending } from '../../api/chat-log.js';
import { ChatSocket, type ChatSocketState } from '../../api/chat-socket.js';
import type {
  TAgentConversation,
  TAgentConversationDetail,
  TChatMessage,
  TChatServerFrame,
} from '../../../../src/contracts/livechat.js';
import { announceNewChat } from './notify.js';

export interface PhraseWarning {
  clientId: string;
  conversationId: string;
  text: string;
  kind: 'text' | 'note';
  phrases: { phrase: string; suggestion: string }[];
}

/**
 * The agent's live chats: the list (with unread counts and the first-response clock), each open
 * chat's messages by seq, the outbox (pending until acked, resent with the same clientId after a
 * reconnect), typing, and the forbidden-phrase warnings the server answers instead of storing.
 * One socket for all of them (an agent holds many chats on one connection).
 */
export function useAgentChats(selectedId: string | null) {
  const [list, setList] = useState<TAgentConversation[]>([]);
  const [listError, setListError] = useState<Error>();
  const [details, setDetails] = useState<Record<string, TAgentConversationDetail>>({});
  const [messages, setMessages] = useState<TChatMessage[]>([]);
  const [outbox, setOutbox] = useState<Pending[]>([]);
  const [citizenTyping, setCitizenTyping] = useState<Record<string, number>>({});
  const [warned, setWarned] = useState<Record<string, number>>({});
  const [warning, setWarning] = useState<PhraseWarning | null>(null);
  const [rejected, setRejected] = useState<string | null>(null);
  const [socketState, setSocketState] = useState<ChatSocketState>('connecting');
  const socketRef = useRef<ChatSocket | null>(null);
  const messagesRef = useRef(messages);
  messagesRef.current = messages;
  const outboxRef = useRef(outbox);
  outboxRef.current = outbox;
  const listRef = useRef(list);
  listRef.current = list;
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const known = useRef<Set<string> | null>(null);

  const loadList = useCallback(async () => {
    try {
      const r = await agentChat.list();
      setList(r.items);
      setListError(undefined);
      if (!known.current) known.current = new Set(r.items.map((c) => c.id));
    } catch (e) {
      setListError(e as Error);
    }
  }, []);

  const loadDetail = useCallback(async (id: string) => {
    try {
      const d = await agentChat.detail(id);
      setDetails((x) => ({ ...x, [id]: d }));
      setMessages((m) => mergeMessages(m, d.messages));
      setOutbox((o) => settle(o, d.messages));
    } catch {
      /* shown as not loaded; the list's next refresh tries again */
    }
  }, []);

  const flush = useCallback(() => {
    const socket = socketRef.current;
    if (!socket?.isOpen) return;
    for (const p of outboxRef.current)
      if (!p.failed)
        socket.send({
          t: 'send',
          conversationId: p.conversationId,
          clientId: p.clientId,
          kind: p.kind,
          text: p.text,
          ...(p.force ? { force: true } : {}),
        });
  }, []);

  const upsert = useCallback((c: TAgentConversation, removed?: boolean) => {
    setList((l) => {
      const rest = l.filter((x) => x.id !== c.id);
      return removed ? rest : [...rest, c].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    });
    setDetails((d) => (d[c.id] ? { ...d, [c.id]: { ...d[c.id], ...c } } : d));
    if (!removed && known.current && !known.current.has(c.id)) {
      known.current.add(c.id);
      announceNewChat(c);
    }
  }, []);

  const onFrame = useCallback(
    (f: TChatServerFrame) => {
      switch (f.t) {
        case 'welcome': {
          flush();
          void loadList();
          const sel = selectedRef.current;
          if (sel) void loadDetail(sel);
          break;
        }
        case 'ack':
        case 'message': {
          const m = f.message;
          setMessages((x) => mergeMessages(x, [m]));
          setOutbox((o) => settle(o, [m]));
          if (m.from === 'citizen') {
            setCitizenTyping((x) => ({ ...x, [m.conversationId]: 0 }));
            if (m.conversationId !== selectedRef.current || document.visibilityState !== 'visible')
              setList((l) =>
                l.map((c) => (c.id === m.conversationId ? { ...c, unread: c.unread + 1, lastSeq: m.seq } : c)),
              );
          }
          setList((l) =>
            l.map((c) =>
              c.id === m.conversationId ? { ...c, lastSeq: Math.max(c.lastSeq, m.seq), lastMessageAt: m.at } : c,
            ),
          );
          break;
        }
        case 'reject':
          if (f.clientId) {
            setOutbox((o) => o.map((p) => (p.clientId === f.clientId ? { ...p, failed: f.message } : p)));
          } else setRejected(f.message.zh);
          break;
        case 'warning': {
          const p = outboxRef.current.find((x) => x.clientId === f.clientId);
          setOutbox((o) => o.filter((x) => x.clientId !== f.clientId));
          if (p)
            setWarning({
              clientId: p.clientId,
              conversationId: p.conversationId,
              text: p.text,
              kind: p.kind,
              phrases: f.phrases,
            });
          break;
        }
        case 'typing':
          if (f.from === 'citizen') setCitizenTyping((x) => ({ ...x, [f.conversationId]: Date.now() + 6000 }));
          break;
        case 'read':
          if (f.by === 'citizen')
            setDetails((d) =>
              d[f.conversationId]
                ? {
                    ...d,
                    [f.conversationId]: {
                      ...d[f.conversationId],
                      citizenReadSeq: Math.max(d[f.conversationId].citizenReadSeq, f.seq),
                    },
                  }
                : d,
            );
          break;
        case 'agent_conversation':
          upsert(f.conversation, f.removed);
          break;
        case 'first_response_warning':
          setWarned((w) => ({ ...w, [f.conversationId]: Date.now() }));
          break;
        case 'first_responded':
          setList((l) =>
            l.map((c) =>
              c.id !== f.conversationId
                ? c
                : f.afterTransfer
                  ? { ...c, transferResponseAt: c.transferResponseAt ?? f.at }
                  : { ...c, firstResponseAt: c.firstResponseAt ?? f.at },
            ),
          );
          break;
        default:
          break;
      }
    },
    [flush, loadList, loadDetail, upsert],
  );

  useEffect(() => {
    const socket = new ChatSocket({
      resume: () =>
        listRef.current.map((c) => ({ conversationId: c.id, afterSeq: lastSeqOf(messagesRef.current, c.id) })),
      onFrame,
      onState: setSocketState,
    });
    socketRef.current = socket;
    socket.start();
    return () => {
      socket.stop();
      socketRef.current = null;
    };
  }, [onFrame]);

  useEffect(() => {
    void loadList();
    // the list is pushed by the socket; a slow refresh catches anything a dropped connection missed
    const t = setInterval(() => void loadList(), 30_000);
    return () => clearInterval(t);
  }, [loadList]);

  useEffect(() => {
    if (selectedId) void loadDetail(selectedId);
  }, [selectedId, loadDetail]);

  // Reading the selected chat marks it read (on screen, page visible).
  const selected = list.find((c) => c.id === selectedId);
  const selectedLast = selectedId ? lastSeqOf(messages, selectedId) : 0;
  useEffect(() => {
    if (!selectedId || !selectedLast || document.visibilityState !== 'visible') return;
    if (socketRef.current?.send({ t: 'read', conversationId: selectedId, seq: selectedLast }))
      setList((l) => l.map((c) => (c.id === selectedId ? { ...c, unread: 0, readSeq: selectedLast } : c)));
  }, [selectedId, selectedLast, socketState, selected?.unread]);

  const send = useCallback(
    (conversationId: string, text: string, kind: 'text' | 'note', force = false, clientId = newClientId()) => {
      setOutbox((o) => [...o.filter((p) => p.clientId !== clientId), { clientId, conversationId, kind, text, force }]);
      socketRef.current?.send({ t: 'send', conversationId, clientId, kind, text, ...(force ? { force: true } : {}) });
    },
    [],
  );

  const typing = useRef(0);
  const sendTyping = useCallback((conversationId: string) => {
    if (Date.now() - typing.current < 3000) return;
    if (socketRef.current?.send({ t: 'typing', conversationId })) typing.current = Date.now();
  }, []);

  const retry = useCallback((clientId: string) => {
    const p = outboxRef.current.find((x) => x.clientId === clientId);
    if (!p) return;
    setOutbox((o) => o.map((x) => (x.clientId === clientId ? { ...x, failed: undefined } : x)));
    socketRef.current?.send({ t: 'send', conversationId: p.conversationId, clientId, kind: p.kind, text: p.text });
  }, []);

  const addMessage = useCallback((m: TChatMessage) => setMessages((x) => mergeMessages(x, [m])), []);

  return {
    list,
    listError,
    details,
    messages,
    outbox,
    citizenTyping,
    warned,
    warning,
    setWarning,
    rejected,
    clearRejected: () => setRejected(null),
    socketState,
    send,
    retry,
    discard: (clientId: string) => setOutbox((o) => o.filter((p) => p.clientId !== clientId)),
    sendTyping,
    addMessage,
    upsert,
    reloadList: loadList,
    reloadDetail: loadDetail,
  };
}
