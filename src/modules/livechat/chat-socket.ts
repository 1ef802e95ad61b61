import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { resolveSession, SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { actorOf } from '../../platform/http/context.js';
import type { Actor } from '../../platform/events/record-event.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { ZChatClientFrame, type TChatClientFrame } from '../../contracts/livechat.js';
import { ChatClient, ChatHub } from './chat-hub.js';
import { citizenView } from './citizen-view.js';
import {
  accessOf,
  conversationByToken,
  findConversation,
  messagesAfter,
  staffByIds,
  type ConversationRow,
} from './livechat.repo.js';
import { livechatPolicy } from './livechat.policy.js';
import { presentMessage, presentMessages } from './livechat.presenters.js';
import { markRead } from './use-cases/mark-read.js';
import { sendMessage } from './use-cases/send-message.js';

/** Frames per second a citizen's socket may send on average, and the burst it may save up. */
const RATE = 10;
const BURST = 20;
/** A staff socket carries all of an agent's chats (up to the per-agent limit): a larger allowance. */
const STAFF_RATE = 50;
const STAFF_BURST = 100;
/** A socket that keeps flooding after being told is closed (1008). */
const MAX_OVER_LIMIT = 50;
/** Typing is told to the other side at most this often per socket and conversation. */
const TYPING_EVERY_MS = 3000;
/** Messages typed on a socket carry no file (files are uploaded over HTTP). */
const NO_FILES = new Map<string, never>();

interface WsSocket {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  ping(): void;
  on(event: 'message', fn: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'close', fn: () => void): void;
}

/** A browser page may open a staff socket only from this site (the session cookie would ride along). */
function sameSite(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}

const reject = (c: ChatClient, clientId: string | null, err: unknown) => {
  const e = err instanceof AppError ? err : new AppError('INTERNAL');
  c.send({ t: 'reject', clientId, code: e.code, message: e.messages });
};

/**
 * `/api/chat/ws`: the live-help socket. The first frame is `hello` (a citizen sends its token;
 * staff are known by their session cookie, from this site only). Messages are stored before the
 * ack; delivery to every node's sockets goes through the event feed (ChatHub). A frame over the
 * size limit closes the socket (1009, by the WebSocket server); a malformed frame, a conversation
 * one is not part of, or a flood is rejected frame by frame, storing nothing.
 */
export function installChatSocket(app: FastifyInstance, ctx: AppContext, hub: ChatHub): void {
  const lastTyping = new WeakMap<ChatClient, Map<string, number>>();

  // a staff member who signed out (or whose session ended) loses the socket too (4401)
  const sessions = setInterval(() => {
    void (async () => {
      for (const c of hub.staffClients()) {
        const s = await resolveSession(ctx.db, c.sessionToken, ctx.clock.now());
        if (s.state !== 'valid') c.socket.close(4401, 'session ended');
      }
    })().catch((err: unknown) => app.log.error({ err }, 'chat socket: session check failed'));
  }, 30_000);
  sessions.unref();
  app.addHook('onClose', async () => clearInterval(sessions));

  app.get(
    '/api/chat/ws',
    { websocket: true, schema: { hide: true }, config: { public: true, csrf: false } },
    (socket: WsSocket, req: FastifyRequest) => {
      let client: ChatClient | null = null;
      /** frames until the socket is known (hello), and frames of no conversation */
      let main: Promise<void> = Promise.resolve();
      /** after hello, each conversation's frames in their own chain: in order, one conversation's wait never holds up another's */
      const chains = new Map<string, Promise<void>>();
      const staffOk = sameSite(req);
      const base = actorOf(req);

      const parse = (raw: Buffer, isBinary: boolean): z.output<typeof ZChatClientFrame> | null => {
        try {
          if (isBinary) throw new Error('binary');
          return ZChatClientFrame.parse(JSON.parse(raw.toString('utf8')));
        } catch {
          return null;
        }
      };

      const handle = async (frame: z.output<typeof ZChatClientFrame> | null, limited: boolean) => {
        if (!frame) {
          const to = client ?? new ChatClient(socket, 'citizen', null, null);
          return reject(
            to,
            null,
            new AppError('VALIDATION_FAILED', {
              zh: '消息格式不正确，已忽略。',
              en: 'The frame is malformed and was ignored.',
            }),
          );
        }
        if (!client) {
          if (frame.t !== 'hello')
            return reject(
              new ChatClient(socket, 'citizen', null, null),
              null,
              new AppError('UNAUTHENTICATED', { zh: '请先发送 hello。', en: 'Send hello first.' }),
            );
          client = await hello(frame);
          return;
        }
        if (limited) {
          if (++client.overLimit > MAX_OVER_LIMIT) return socket.close(1008, 'flood');
          return reject(client, frame.t === 'send' ? frame.clientId : null, new AppError('RATE_LIMITED'));
        }
        await onFrame(client, frame);
      };

      async function hello(f: Extract<TChatClientFrame, { t: 'hello' }>): Promise<ChatClient | null> {
        const now = ctx.clock.now();
        if (f.token) {
          const conv = await conversationByToken(ctx.db, f.token);
          if (!conv) {
            socket.close(4404, 'unknown conversation');
            return null;
          }
          const c = new ChatClient(socket, 'citizen', null, conv.id);
          hub.addCitizen(c, conv);
          c.send({ t: 'welcome', role: 'citizen', conversationIds: [conv.id] });
          c.send({ t: 'conversation', conversation: await citizenView(ctx, conv, now) });
          const after = f.resume?.find((r) => r.conversationId === conv.id)?.afterSeq;
          await catchUp(c, [{ conv, afterSeq: after ?? null }]);
          return c;
        }
        const p = req.principal;
        if (!p || !staffOk || !(livechatPolicy.work(p) || livechatPolicy.supervise(p))) {
          socket.close(p ? 4403 : 4401, p ? 'forbidden' : 'sign in first');
          return null;
        }
        const held = await ctx.db
          .selectFrom('chat_conversations')
          .selectAll()
          .where('agent_id', '=', p.id)
          .where('status', 'in', ['active', 'transferred'])
          .execute();
        const c = new ChatClient(socket, 'agent', p, null);
        c.sessionToken = req.cookies[SESSION_COOKIE] ?? '';
        c.staff = await staffByIds(ctx.db, [p.id]);
        hub.addAgent(c, held);
        c.send({ t: 'welcome', role: 'agent', conversationIds: held.map((h) => h.id) });
        const todo: { conv: ConversationRow; afterSeq: number | null }[] = [];
        for (const r of f.resume ?? []) {
          const conv =
            held.find((h) => h.id === r.conversationId) ?? (await findConversation(ctx.db, r.conversationId));
          if (conv && livechatPolicy.read(p, await accessOf(ctx.db, conv))) todo.push({ conv, afterSeq: r.afterSeq });
        }
        for (const h of held) if (!todo.some((t) => t.conv.id === h.id)) todo.push({ conv: h, afterSeq: null });
        await catchUp(c, todo);
        return c;
      }

      /** Sends what a socket missed (after afterSeq), then releases what arrived meanwhile: no loss, no doubles. */
      async function catchUp(c: ChatClient, list: { conv: ConversationRow; afterSeq: number | null }[]) {
        for (const { conv, afterSeq } of list) {
          if (afterSeq === null) {
            // not resumed: the client loads the history by REST; live messages from the current seq on
            c.sentSeq.set(conv.id, Math.max(c.sentSeq.get(conv.id) ?? 0, Number(conv.last_seq)));
            continue;
          }
          c.sentSeq.set(conv.id, afterSeq);
          c.following.add(conv.id);
          for (;;) {
            const rows = await messagesAfter(ctx.db, conv.id, c.sentSeq.get(conv.id)!, {
              notes: c.role === 'agent',
              limit: 500,
            });
            for (const m of await presentMessages(ctx.db, rows)) {
              c.sentSeq.set(conv.id, m.seq);
              c.send({ t: 'message', message: m });
            }
            if (rows.length < 500) break;
          }
          if (c.role === 'citizen') c.following.delete(conv.id);
        }
        hub.release(c);
      }

      async function onFrame(c: ChatClient, f: z.output<typeof ZChatClientFrame>) {
        const now = ctx.clock.now();
        const actor: Actor =
          c.role === 'citizen' ? { ...base, userId: null, label: '市民（人工帮办）citizen', departmentId: null } : base;
        switch (f.t) {
          case 'hello':
            return reject(c, null, new AppError('CONFLICT', { zh: '已连接。', en: 'Already connected.' }));
          case 'ping':
            return c.send({ t: 'pong' });
          case 'send': {
            try {
              const r = await sendMessage(
                ctx.db,
                actor,
                now,
                c.role === 'citizen'
                  ? { side: 'citizen', conversationId: c.conversationId! }
                  : { side: 'agent', principal: c.principal! },
                f,
                // the moment it is committed: acked, then delivered by this node (hub.stored) before the feed reads it
                (row, conv) => {
                  const fresh = presentMessage(row, c.staff, NO_FILES);
                  // the ack first: the sender has its message before any later one of the chat
                  c.send({ t: 'ack', clientId: f.clientId, message: fresh });
                  hub.stored(fresh, c, conv.agent_id);
                },
              );
              if ('warning' in r) return c.send({ t: 'warning', clientId: f.clientId, phrases: r.warning });
              // a retry answered with the message stored before
              if (r.repeated)
                c.send({ t: 'ack', clientId: f.clientId, message: (await presentMessages(ctx.db, [r.stored]))[0] });
            } catch (err) {
              reject(c, f.clientId, err);
            }
            return;
          }
          case 'typing':
          case 'read': {
            const conv = await permitted(c, f.conversationId);
            if (!conv) return reject(c, null, notPartError());
            const by = c.role === 'citizen' ? 'citizen' : 'agent';
            if (f.t === 'read') {
              await markRead(ctx.db, actor, now, conv.id, by, f.seq);
              return;
            }
            const seen = lastTyping.get(c) ?? new Map<string, number>();
            lastTyping.set(c, seen);
            if (now.getTime() - (seen.get(conv.id) ?? 0) < TYPING_EVERY_MS) return;
            seen.set(conv.id, now.getTime());
            await recordEvent(ctx.db, actor, now, {
              type: 'livechat.typing',
              subjectType: 'chat_conversation',
              subjectId: conv.id,
              data: { conversationId: conv.id, from: by },
            });
            return;
          }
        }
      }

      async function permitted(c: ChatClient, id: string): Promise<ConversationRow | null> {
        if (c.role === 'citizen')
          return c.conversationId === id ? ((await findConversation(ctx.db, id)) ?? null) : null;
        const conv = await findConversation(ctx.db, id);
        return conv && conv.agent_id === c.principal!.id ? conv : null;
      }

      function allow(c: ChatClient): boolean {
        const t = Date.now();
        const [rate, burst] = c.role === 'agent' ? [STAFF_RATE, STAFF_BURST] : [RATE, BURST];
        c.tokens = Math.min(burst, c.tokens + ((t - c.refilledAt) / 1000) * rate);
        c.refilledAt = t;
        if (c.tokens < 1) return false;
        c.tokens -= 1;
        return true;
      }

      socket.on('message', (data, isBinary) => {
        // the rate is measured as frames arrive, not as they are worked through
        const limited = client !== null && !allow(client);
        const frame = parse(data, isBinary);
        const key = client && frame && 'conversationId' in frame ? frame.conversationId : null;
        const run = () =>
          handle(frame, limited).catch((err: unknown) => {
            req.log.error({ err }, 'chat socket: frame failed');
            if (client) reject(client, null, err);
          });
        if (key === null) return void (main = main.then(run));
        // a conversation's first chain starts after every frame that came before hello's end
        const next = (chains.get(key) ?? main).then(run);
        chains.set(key, next);
        void next.then(() => {
          if (chains.get(key) === next) chains.delete(key);
        });
      });
      socket.on('close', () => {
        void Promise.all([main, ...chains.values()]).then(() => {
          if (client) hub.remove(client);
        });
      });
    },
  );
}

function notPartError(): AppError {
  return new AppError('NOT_FOUND', {
    zh: '您不是该会话的参与者。',
    en: 'You are not part of this conversation.',
  });
}
