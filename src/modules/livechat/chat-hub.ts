import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/connect.js';
import type { StoredEvent } from '../../platform/events/event-feed.js';
import type { Principal } from '../../platform/policy/principal.js';
import type { TChatMessage, TChatServerFrame, TChatStaff } from '../../contracts/livechat.js';
import type { WorkingTimeService } from '../calendar/working-time-service.js';
import { citizenView } from './citizen-view.js';
import { findConversation, messagesAfter, type ConversationRow } from './livechat.repo.js';
import { agentConversations, presentMessages } from './livechat.presenters.js';
import { mayConsult, presentConsults } from './use-cases/consult.js';

/** The few socket methods the hub uses (a `ws` WebSocket). */
export interface ChatSocket {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** One connected socket: a citizen (one conversation) or a staff member (the conversations they hold). */
export class ChatClient {
  /** the highest seq sent per conversation: nothing is sent twice or out of order */
  readonly sentSeq = new Map<string, number>();
  /** messages acked to this socket: their feed copy is not sent again */
  readonly acked = new Set<string>();
  /** conversations a staff socket follows */
  readonly following = new Set<string>();
  /** frames held while the socket catches up (resume), sent after in order */
  pending: TChatMessage[] | null = [];
  queue: Promise<void> = Promise.resolve();
  tokens = 20;
  refilledAt = 0;
  overLimit = 0;
  /** a staff socket's session cookie, checked again every half minute */
  sessionToken = '';
  /** a staff socket's own name and work number, as citizens see them on its messages */
  staff = new Map<string, TChatStaff>();

  constructor(
    readonly socket: ChatSocket,
    readonly role: 'citizen' | 'agent',
    readonly principal: Principal | null,
    readonly conversationId: string | null,
  ) {}

  send(frame: TChatServerFrame): void {
    if (this.socket.readyState !== 1) return;
    try {
      this.socket.send(JSON.stringify(frame));
    } catch {
      this.socket.close(1011, 'send failed');
    }
  }
}

interface HubDeps {
  db: Db;
  clock: Clock;
  workingTime: WorkingTimeService;
  log: FastifyBaseLogger;
}

const CONVERSATION_EVENTS = new Set([
  'livechat.queued',
  'livechat.assigned',
  'livechat.requeued',
  'livechat.transferred',
  'livechat.awaiting_department',
  'livechat.taken',
  'livechat.closed',
  'livechat.rated',
]);

/**
 * This node's chat sockets. Every change reaches them through the event feed (a broadcast
 * consumer per node): a message event names its conversation and seq; the hub reads the stored
 * message once (or takes it from this node's own send) and pushes it to the local sockets that
 * follow the conversation, in seq order, never twice.
 */
export class ChatHub {
  private citizens = new Map<string, Set<ChatClient>>();
  private agents = new Map<string, Set<ChatClient>>();
  /** the staff member holding each conversation, as last seen by this node */
  private holder = new Map<string, string | null>();
  /** messages stored by this node, presented once, until the feed delivers them */
  private recent = new Map<string, TChatMessage>();
  private positionsTimer: NodeJS.Timeout | null = null;

  constructor(private deps: HubDeps) {}

  get size(): number {
    let n = 0;
    for (const s of this.citizens.values()) n += s.size;
    for (const s of this.agents.values()) n += s.size;
    return n;
  }

  addCitizen(c: ChatClient, conv: ConversationRow): void {
    this.holder.set(conv.id, conv.agent_id);
    add(this.citizens, conv.id, c);
  }

  addAgent(c: ChatClient, convs: ConversationRow[]): void {
    for (const conv of convs) {
      this.holder.set(conv.id, conv.agent_id);
      c.following.add(conv.id);
    }
    add(this.agents, c.principal!.id, c);
  }

  remove(c: ChatClient): void {
    if (c.conversationId) drop(this.citizens, c.conversationId, c);
    if (c.principal) drop(this.agents, c.principal.id, c);
  }

  /**
   * A message this node just stored, before its ack: this node's sockets that wait for exactly
   * this seq of the conversation (the one before it sent, nothing held for a catch-up) get it at
   * once, the sender's own ack stands for its copy; the feed's copy then finds them served. Any
   * other socket (one that would skip a message, one catching up, the holder not known here yet
   * or not the one the sender's conversation named — a hand-over this node has not heard of yet)
   * gets it from the feed as before, which keeps the order. It is kept for the feed's copy.
   */
  stored(m: TChatMessage, sender: ChatClient, holderAtSend: string | null): void {
    this.remember(m);
    const next = (c: ChatClient) => !c.pending && c.sentSeq.get(m.conversationId) === m.seq - 1;
    if (next(sender)) sender.sentSeq.set(m.conversationId, m.seq);
    else sender.acked.add(m.id);
    for (const c of this.citizens.get(m.conversationId) ?? []) if (c !== sender && next(c)) this.deliver(c, m);
    const holder = this.holder.get(m.conversationId);
    if (!holder || holder !== holderAtSend) return;
    for (const c of this.agents.get(holder) ?? [])
      if (c !== sender && c.following.has(m.conversationId) && next(c)) this.deliver(c, m);
  }

  /** A message this node just stored: kept so the feed's copy needs no database read here. */
  remember(m: TChatMessage): void {
    this.recent.set(`${m.conversationId}:${m.seq}`, m);
    if (this.recent.size > 20_000) this.recent.delete(this.recent.keys().next().value!);
  }

  /**
   * The feed's prefetch: the messages of this round's events that a local socket will want and
   * this node did not store itself, read in one query (not one per event) and kept for `handle`.
   */
  async prefetch(events: StoredEvent[]): Promise<void> {
    const want: { conversationId: string; seq: number }[] = [];
    for (const e of events) {
      if (e.type !== 'livechat.message_posted') continue;
      const conversationId = String(e.data.conversationId);
      const seq = Number(e.data.seq);
      if (!this.recent.has(`${conversationId}:${seq}`) && this.mayFollowHere(conversationId))
        want.push({ conversationId, seq });
    }
    if (!want.length) return;
    const rows = await this.deps.db
      .selectFrom('chat_messages')
      .selectAll()
      .where((eb) =>
        eb.or(want.map((w) => eb.and([eb('conversation_id', '=', w.conversationId), eb('seq', '=', w.seq)]))),
      )
      .execute();
    for (const m of await presentMessages(this.deps.db, rows)) this.remember(m);
  }

  /** A socket of this node may want the conversation's messages (its holder not known yet: maybe). */
  private mayFollowHere(conversationId: string): boolean {
    if (this.citizens.has(conversationId)) return true;
    if (!this.agents.size) return false;
    const holder = this.holder.get(conversationId);
    return holder === undefined || (holder !== null && this.agents.has(holder));
  }

  /** Sends a message to one socket unless it has it already (seq) or sent it itself (ack). */
  deliver(c: ChatClient, m: TChatMessage): void {
    if (c.role === 'citizen' && m.kind === 'note') return;
    if (c.pending) return void c.pending.push(m);
    if ((c.sentSeq.get(m.conversationId) ?? -1) >= m.seq) return;
    c.sentSeq.set(m.conversationId, m.seq);
    if (c.acked.delete(m.id)) return;
    c.send({ t: 'message', message: m });
  }

  /** Ends a socket's catch-up: the messages held meanwhile go out in seq order (those not sent yet). */
  release(c: ChatClient): void {
    const held = c.pending ?? [];
    c.pending = null;
    held.sort((a, b) => a.seq - b.seq);
    for (const m of held) this.deliver(c, m);
  }

  /** The broadcast consumer's handler (every node runs it for every livechat event). */
  async handle(e: StoredEvent): Promise<void> {
    const data = e.data;
    const conversationId = typeof data.conversationId === 'string' ? data.conversationId : null;
    if (!conversationId) return;
    if (e.type === 'livechat.message_posted') return this.onMessage(conversationId, Number(data.seq));
    if (e.type === 'livechat.typing' || e.type === 'livechat.read')
      return this.onEphemeral(e.type, conversationId, data);
    if (e.type === 'livechat.first_response_warning') {
      const secondsLeft = Math.max(
        0,
        Math.round((Date.parse(String(data.dueAt)) - this.deps.clock.now().getTime()) / 1000),
      );
      for (const c of this.agents.get(String(data.agentId)) ?? [])
        c.send({ t: 'first_response_warning', conversationId, secondsLeft });
      return;
    }
    if (e.type === 'livechat.consult_posted') return this.onConsult(String(data.consultId));
    if (e.type === 'livechat.first_responded')
      return this.onFirstResponse(conversationId, e.createdAt, data.afterTransfer === true);
    if (!CONVERSATION_EVENTS.has(e.type)) return;
    if (!this.citizens.has(conversationId) && !this.agents.size) {
      if ('agentId' in data) this.holder.set(conversationId, (data.agentId as string | null) ?? null);
      return;
    }
    return this.onConversation(conversationId);
  }

  private async holderOf(conversationId: string): Promise<string | null> {
    if (this.holder.has(conversationId)) return this.holder.get(conversationId)!;
    const c = await findConversation(this.deps.db, conversationId);
    this.holder.set(conversationId, c?.agent_id ?? null);
    return c?.agent_id ?? null;
  }

  private async onMessage(conversationId: string, seq: number): Promise<void> {
    const citizens = this.citizens.get(conversationId);
    const holderClients = this.agents.size
      ? (this.agents.get((await this.holderOf(conversationId)) ?? '') ?? null)
      : null;
    if (!citizens?.size && !holderClients?.size) return void this.recent.delete(`${conversationId}:${seq}`);
    const key = `${conversationId}:${seq}`;
    let m = this.recent.get(key);
    this.recent.delete(key);
    if (!m) {
      const rows = await messagesAfter(this.deps.db, conversationId, seq - 1, { notes: true, limit: 1 });
      if (!rows.length || rows[0].seq !== seq) return;
      [m] = await presentMessages(this.deps.db, rows);
    }
    const targets = [...(citizens ?? [])];
    for (const c of holderClients ?? []) if (c.following.has(conversationId)) targets.push(c);
    await this.fillGap(conversationId, seq, targets);
    for (const c of targets) this.deliver(c, m);
  }

  /**
   * On PostgreSQL the feed's order (by transaction id) can put a message before an earlier one of
   * the same conversation: a transaction that took its id first may have waited for the other's
   * row lock to take the next seq. The earlier message has then committed already: a socket that
   * would skip it (its last seq below this one's predecessor) gets it from the table first, so
   * nothing is lost and the order holds; its own event later finds it sent.
   */
  private async fillGap(conversationId: string, seq: number, targets: ChatClient[]): Promise<void> {
    let from = seq - 1;
    for (const c of targets) {
      const sent = c.pending ? undefined : c.sentSeq.get(conversationId);
      if (sent !== undefined && sent < from) from = sent;
    }
    if (from >= seq - 1) return;
    const rows = await messagesAfter(this.deps.db, conversationId, from, { notes: true, limit: seq - 1 - from });
    for (const m of await presentMessages(
      this.deps.db,
      rows.filter((r) => Number(r.seq) < seq),
    ))
      for (const c of targets) this.deliver(c, m);
  }

  private onEphemeral(type: string, conversationId: string, data: Record<string, unknown>): void {
    const side = String(type === 'livechat.typing' ? data.from : data.by) as 'citizen' | 'agent';
    const frame: TChatServerFrame =
      type === 'livechat.typing'
        ? { t: 'typing', conversationId, from: side }
        : { t: 'read', conversationId, by: side, seq: Number(data.seq) };
    if (side === 'agent') for (const c of this.citizens.get(conversationId) ?? []) c.send(frame);
    const holder = this.holder.get(conversationId);
    if (side === 'citizen' && holder)
      for (const c of this.agents.get(holder) ?? []) if (c.following.has(conversationId)) c.send(frame);
  }

  /**
   * The holder's clock stopped: the staff screens following the chat are told in a small frame (the
   * timer ends at once) — no read, no presenting: every chat's first answer comes through here,
   * hundreds a second when many chats start together; the citizen's view does not change.
   */
  private onFirstResponse(conversationId: string, at: string, afterTransfer: boolean): void {
    for (const set of this.agents.values())
      for (const c of set)
        if (c.following.has(conversationId)) c.send({ t: 'first_responded', conversationId, at, afterTransfer });
  }

  private async onConversation(conversationId: string): Promise<void> {
    const row = await findConversation(this.deps.db, conversationId);
    if (!row) return;
    const before = this.holder.get(conversationId) ?? null;
    this.holder.set(conversationId, row.agent_id);
    const now = this.deps.clock.now();
    const citizens = this.citizens.get(conversationId);
    if (citizens?.size) {
      const view = await citizenView(this.deps, row, now);
      for (const c of citizens) c.send({ t: 'conversation', conversation: view });
    }
    const staff = new Set<ChatClient>();
    for (const id of [before, row.agent_id]) if (id) for (const c of this.agents.get(id) ?? []) staff.add(c);
    for (const set of this.agents.values()) for (const c of set) if (c.following.has(conversationId)) staff.add(c);
    if (staff.size) {
      const [view] = await agentConversations(this.deps.db, [row]);
      for (const c of staff) {
        const holds = row.agent_id === c.principal!.id && (row.status === 'active' || row.status === 'transferred');
        if (holds) {
          // history by REST; every message whose event comes after this one is pushed
          c.following.add(conversationId);
          c.send({ t: 'agent_conversation', conversation: view });
        } else {
          c.following.delete(conversationId);
          c.send({ t: 'agent_conversation', conversation: view, removed: true });
        }
      }
    }
    this.schedulePositions();
  }

  /** Waiting citizens on this node get their new queue position, at most once a second. */
  private schedulePositions(): void {
    if (this.positionsTimer) return;
    this.positionsTimer = setTimeout(() => {
      this.positionsTimer = null;
      void this.refreshPositions().catch((err: unknown) => this.deps.log.error({ err }, 'chat: queue positions'));
    }, 1000);
    this.positionsTimer.unref();
  }

  private async refreshPositions(): Promise<void> {
    if (!this.citizens.size) return;
    const queued = await this.deps.db
      .selectFrom('chat_conversations')
      .selectAll()
      .where('status', '=', 'queued')
      .where('id', 'in', [...this.citizens.keys()].slice(0, 1000))
      .execute();
    const now = this.deps.clock.now();
    for (const row of queued) {
      const view = await citizenView(this.deps, row, now);
      for (const c of this.citizens.get(row.id) ?? []) c.send({ t: 'conversation', conversation: view });
    }
  }

  private async onConsult(consultId: string): Promise<void> {
    if (!this.agents.size) return;
    const k = await this.deps.db.selectFrom('chat_consults').selectAll().where('id', '=', consultId).executeTakeFirst();
    if (!k) return;
    const holderId = await this.holderOf(k.conversation_id);
    const targets: ChatClient[] = [];
    for (const set of this.agents.values())
      for (const c of set) if (mayConsult(c.principal!, k, holderId)) targets.push(c);
    if (!targets.length) return;
    const [consult] = await presentConsults(this.deps.db, [consultId]);
    for (const c of targets) c.send({ t: 'consult', consult });
  }

  /** The staff sockets of this node (for the session check). */
  staffClients(): ChatClient[] {
    return [...this.agents.values()].flatMap((s) => [...s]);
  }

  close(): void {
    if (this.positionsTimer) clearTimeout(this.positionsTimer);
    for (const set of [...this.citizens.values(), ...this.agents.values()])
      for (const c of set) c.socket.close(1001, 'server shutting down');
  }
}

function add<K>(m: Map<K, Set<ChatClient>>, k: K, c: ChatClient): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(c);
}
function drop<K>(m: Map<K, Set<ChatClient>>, k: K, c: ChatClient): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(c);
  if (!s.size) m.delete(k);
}
