import { sql } from 'kysely';
import { isPostgres, type Trx } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import { appendMessage } from '../append-message.js';
import { maxChatsPerAgent, type ChatDeps } from '../chat-deps.js';
import { firstResponseDue } from '../live-hours.js';
import { openLoad, type ConversationRow } from '../livechat.repo.js';
import { staffOnDuty, type OnDutyStaff } from '../on-duty.js';
import { CHAT_MACHINE } from '../transitions.js';
import { conversationSubject } from '../livechat.events.js';

/** One lock for routing decisions on PostgreSQL, so two nodes never count the same agent's load at once. */
const ROUTING_LOCK = 7_007_001;

interface Flight {
  current: Promise<string[]> | null;
  follow: Promise<string[]> | null;
}

/** The routing pass running on this node (per database), and the one queued after it. */
const flights = new WeakMap<ChatDeps['db'], Flight>();

/**
 * Routes waiting citizens, oldest first: each to the signed-in window agent with the fewest open
 * chats, below the per-agent limit (an agent who let this citizen's minute lapse only when no
 * one else can take it). Up to 50 citizens are decided in one transaction (a burst of joins is
 * routed at hundreds a second, not one lock round per citizen); the conditional status update
 * (queued → active) makes each decision once per citizen whichever node routes; on PostgreSQL an
 * advisory lock serialises the load count, so no agent goes over the limit. One pass at a time per
 * node (callers during a pass share the next one). Returns the conversations the pass assigned.
 */
export function routeQueue(deps: ChatDeps, now: Date): Promise<string[]> {
  const f = flights.get(deps.db);
  if (!f) return startPass(deps, now, { current: null, follow: null });
  // a pass is running and may have read the queue before this caller's change: one more pass after
  // it, shared by everyone who asks meanwhile (a burst of joins makes two passes, not one each)
  f.follow ??= f
    .current!.catch(() => undefined)
    .then(() => {
      f.follow = null;
      return startPass(deps, now, f);
    });
  return f.follow;
}

function startPass(deps: ChatDeps, now: Date, f: Flight): Promise<string[]> {
  const pass: Promise<string[]> = routePass(deps, now).finally(() => {
    if (f.current === pass && !f.follow) flights.delete(deps.db);
  });
  f.current = pass;
  flights.set(deps.db, f);
  return pass;
}

/** Citizens decided in one transaction (one lock, one read of the agents' load). */
const BATCH = 50;

async function routePass(deps: ChatDeps, now: Date): Promise<string[]> {
  const agents = await staffOnDuty(deps.db, 'window_agent');
  if (!agents.length) return [];
  const max = await maxChatsPerAgent(deps.db);
  const dueAt = await firstResponseDue(deps.workingTime, now);
  const queued = await deps.db
    .selectFrom('chat_conversations')
    .select('id')
    .where('status', '=', 'queued')
    .orderBy('queued_at')
    .orderBy('id')
    .limit(200)
    .execute();
  // another node (on SQLite, where there is no routing lock) took one of them first: null
  const settle = (ids: string[]) =>
    decide(deps, agents, max, dueAt, now, ids).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'CONFLICT') return null;
      throw err;
    });
  const assigned: string[] = [];
  for (let i = 0; i < queued.length; i += BATCH) {
    const ids = queued.slice(i, i + BATCH).map((q) => q.id);
    // one transaction for the batch; should it meet another node's decision, one per citizen
    let r = await settle(ids);
    if (!r) {
      r = { assigned: [], full: false };
      for (const id of ids) {
        const one = await settle([id]);
        r.assigned.push(...(one?.assigned ?? []));
        if (one?.full) {
          r.full = true;
          break;
        }
      }
    }
    assigned.push(...r.assigned);
    if (r.full) break;
  }
  return assigned;
}

/**
 * Decides `ids` (oldest first) in one transaction: on PostgreSQL under the routing lock, so the
 * load read at its start stays true while this transaction adds to it, with the conversations'
 * rows locked in id order first — the order a batch of messages locks them in
 * (`appendMessagesAtOnce`; a waiting citizen may write), so the two never deadlock.
 */
async function decide(
  deps: ChatDeps,
  agents: OnDutyStaff[],
  max: number,
  dueAt: string,
  now: Date,
  ids: string[],
): Promise<{ assigned: string[]; full: boolean }> {
  return deps.db.transaction().execute(async (trx) => {
    const pg = isPostgres(trx);
    if (pg) await sql`select pg_advisory_xact_lock(${ROUTING_LOCK})`.execute(trx);
    const q = trx
      .selectFrom('chat_conversations')
      .selectAll()
      .where('id', 'in', ids)
      .where('status', '=', 'queued')
      .orderBy('id');
    const rows = await (pg ? q.forUpdate() : q).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const load = await openLoad(
      trx,
      agents.map((a) => a.userId),
    );
    const assigned: string[] = [];
    for (const id of ids) {
      const c = byId.get(id);
      if (!c) continue; // another node decided
      const agent = pickAgent(agents, load, max, c.skip_agent_id);
      if (!agent) return { assigned, full: true };
      await assignTo(trx, c, agent, now, dueAt);
      load.set(agent.userId, (load.get(agent.userId) ?? 0) + 1);
      assigned.push(id);
    }
    return { assigned, full: false };
  });
}

/** The agent with the fewest open chats under the limit; the one to skip only when no one else fits. */
export function pickAgent(
  agents: OnDutyStaff[],
  load: Map<string, number>,
  max: number,
  skip: string | null,
): OnDutyStaff | null {
  const free = agents.filter((a) => (load.get(a.userId) ?? 0) < max);
  const others = free.filter((a) => a.userId !== skip);
  const pool = others.length ? others : free;
  let best: OnDutyStaff | null = null;
  for (const a of pool) if (!best || (load.get(a.userId) ?? 0) < (load.get(best.userId) ?? 0)) best = a;
  return best;
}

async function assignTo(trx: Trx, c: ConversationRow, agent: OnDutyStaff, now: Date, dueAt: string): Promise<void> {
  const at = now.toISOString();
  await transition(trx, CHAT_MACHINE, {
    id: c.id,
    action: 'assign',
    actor: SYSTEM_ACTOR,
    now,
    row: c,
    set: () => ({
      agent_id: agent.userId,
      assigned_at: at,
      first_response_due_at: c.first_response_at ? c.first_response_due_at : dueAt,
      warned_at: null,
      skip_agent_id: null,
      updated_at: at,
    }),
    event: () => ({
      type: 'livechat.assigned',
      ...conversationSubject(c),
      data: {
        conversationId: c.id,
        number: c.number,
        from: 'queued',
        to: 'active',
        agentId: agent.userId,
        dueAt: c.first_response_at ? null : dueAt,
      },
    }),
  });
  await trx
    .insertInto('chat_holders')
    .values({ conversation_id: c.id, user_id: agent.userId, since: at })
    .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
    .execute();
  const work = agent.workNumber ? `（工号 ${agent.workNumber}）` : '';
  await appendMessage(trx, SYSTEM_ACTOR, now, {
    conversationId: c.id,
    author: 'system',
    authorId: null,
    kind: 'text',
    text: `客服 ${agent.displayName}${work} 为您服务。`,
  });
}
