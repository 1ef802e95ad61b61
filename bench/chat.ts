/**
 * `npm run bench:chat -- --conversations N [--nodes K] [--kill-one] [--seconds S]`
 *
 * Starts K real server processes (K > 1: PostgreSQL at DATABASE_URL, or a database it creates on
 * 127.0.0.1:5432), signs in enough window agents (one socket each, holding up to 50 chats), joins
 * N citizens (each its own socket), exchanges messages for S seconds (a citizen message every
 * few seconds, the agent answering each), and prints one JSON line last: conversations, nodes,
 * messages, msg_per_s, p50_ms, p99_ms, lost, duplicated, reordered, rss_mb, killed,
 * resumed_conversations. With --kill-one a node is killed (-9) halfway and its clients
 * reconnect to another node, resuming after the last seq they hold.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import SqliteDatabase from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Http, log, PASSWORD, scratchPostgres, sleep, startServer } from './server-harness.js';

/** The `ws` client (no type declarations installed): the few methods the bench uses. */
interface Ws {
  readyState: number;
  send(data: string): void;
  terminate(): void;
  on(event: 'open' | 'close' | 'error', fn: () => void): void;
  on(event: 'message', fn: (raw: Buffer) => void): void;
}
const WebSocket = createRequire(import.meta.url)('ws') as new (
  url: string,
  opts?: { headers?: Record<string, string> },
) => Ws;
const OPEN = 1;

const arg = (name: string, dflt?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? 'true' : v;
};
const N = Number(arg('conversations', '100'));
const K = Number(arg('nodes', '1'));
const KILL = arg('kill-one') === 'true';
const SECONDS = Number(arg('seconds', '30'));
/**
 * A citizen's message every 2.5–7.5 s (5 s on average), each answered by the agent: 0.4 messages
 * per second per conversation, the rate of the yardstick relay in the issue (9,000 conversations
 * at 3,600 msg/s).
 */
const EVERY_MS = Number(arg('every-ms', '5000'));
const PER_AGENT = 50;
const BASE_PORT = Number(arg('port', '3900'));
/** --cpu-prof DIR: each server writes a V8 CPU profile there when it stops (to see where the time goes) */
const CPU_PROF = arg('cpu-prof');

async function pool<T>(items: T[], n: number, fn: (x: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

interface Stats {
  latencies: number[];
  acked: Map<string, { conv: string; to: 'agent' | 'citizen'; seq: number }>; // message id → who must get it
  received: Map<string, number>; // message id → times delivered to the other side
  reordered: number;
}
/** when the measured exchange began (messages sent before it are not timed) */
let exchangeFrom = Infinity;
const stats: Stats = { latencies: [], acked: new Map(), received: new Map(), reordered: 0 };

/** messages acked that were sent during the exchange (the rate; greetings of the set-up are not counted) */
let exchanged = 0;
function countExchanged(text: string) {
  const sent = /^b:(\d+):/.exec(text);
  if (sent && Number(sent[1]) >= exchangeFrom) exchanged++;
}

/** per receiving socket and conversation: the highest seq delivered as a message (acks are not deliveries) */
const deliveredSeq = new WeakMap<object, Map<string, number>>();

function onDelivered(
  lastSeq: Map<string, number>,
  m: { id: string; conversationId: string; seq: number; text: string },
) {
  stats.received.set(m.id, (stats.received.get(m.id) ?? 0) + 1);
  let seen = deliveredSeq.get(lastSeq);
  if (!seen) deliveredSeq.set(lastSeq, (seen = new Map()));
  const prev = seen.get(m.conversationId) ?? 0;
  if (m.seq < prev) {
    stats.reordered++;
    if (stats.reordered <= 5) log(`bench: ${m.conversationId} seq ${m.seq} arrived after seq ${prev}`);
  } else seen.set(m.conversationId, m.seq);
  lastSeq.set(m.conversationId, Math.max(lastSeq.get(m.conversationId) ?? 0, m.seq));
  const sent = /^b:(\d+):/.exec(m.text);
  // measured: what is sent during the exchange (an agent's greeting during the set-up reaches a
  // citizen only when the citizen connects: the set-up's pace, not delivery)
  if (sent && Number(sent[1]) >= exchangeFrom) {
    stats.latencies.push(Date.now() - Number(sent[1]));
    if (process.env.BENCH_TRACE)
      fs.appendFileSync(process.env.BENCH_TRACE, `${sent[1]} ${Date.now() - Number(sent[1])}\n`);
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangban-bench-'));
  let databaseUrl = `sqlite:${path.join(dir, 'bench.sqlite')}`;
  let dropDb: (() => Promise<void>) | null = null;
  if (K > 1) {
    if (process.env.DATABASE_URL?.startsWith('postgres')) databaseUrl = process.env.DATABASE_URL;
    else {
      const scratch = await scratchPostgres('bangban_bench');
      databaseUrl = scratch.url;
      dropDb = scratch.drop;
    }
  }
  const servers: (ChildProcess | null)[] = [];
  const start = async (i: number) => {
    servers[i] = await startServer({
      port: BASE_PORT + i,
      databaseUrl,
      dataDir: dir,
      nodeArgs: CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF)}`] : [],
      env: { TRUST_PROXY: '1' },
    });
  };
  await start(0); // migrates and seeds
  for (let i = 1; i < K; i++) await start(i);
  const url = (i: number) => `http://127.0.0.1:${BASE_PORT + i}`;
  const alive = new Set(Array.from({ length: K }, (_, i) => i));
  let rss = 0;
  const rssTimer = setInterval(() => {
    let sum = 0;
    for (const s of servers)
      if (s?.pid && s.exitCode === null)
        try {
          sum += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${s.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
        } catch {
          /* gone */
        }
    rss = Math.max(rss, sum);
  }, 1000);

  // live help open all day today, 50 chats per agent
  const admin = new Http(url(0), '10.255.0.1');
  if ((await admin.req('POST', '/api/auth/login', { username: 'admin', password: PASSWORD })).status !== 200)
    throw new Error('admin login failed');
  await admin.req('PUT', '/api/service-hours/live_help', { periods: [{ start: '00:00', end: '24:00' }] });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await admin.req('PUT', `/api/calendar/days/${today}`, { kind: 'workday', name: 'bench' });
  const office = new Http(url(0), '10.255.0.2');
  await office.req('POST', '/api/auth/login', { username: 'office1', password: PASSWORD });
  await office.req('PUT', '/api/chat/settings', { maxChatsPerAgent: PER_AGENT });
  const dept = (await admin.req('GET', '/api/departments'))
    .json()
    .items.find((d: { code: string }) => d.code === 'service-centre').id;

  // agents: one socket each, answering every citizen message at once
  const agentCount = Math.ceil((N * 1.1) / PER_AGENT) + 1;
  const agents: {
    http: Http;
    node: number;
    ws: Ws | null;
    lastSeq: Map<string, number>;
    n: number;
    greeted: Set<string>;
  }[] = [];
  await pool(
    Array.from({ length: agentCount }, (_, i) => i),
    4,
    async (i) => {
      const username = `bench${process.pid}a${i}`;
      const r = await admin.req('POST', '/api/users', {
        username,
        displayName: `压测客服${i}`,
        password: 'Bench-2026-pw',
        departmentId: dept,
        roles: ['window_agent'],
      });
      if (r.status !== 201) throw new Error(`create agent: ${r.text}`);
      const node = i % K;
      const http = new Http(url(node), `10.254.${i >> 8}.${i & 255}`);
      if ((await http.req('POST', '/api/auth/login', { username, password: 'Bench-2026-pw' })).status !== 200)
        throw new Error('agent login failed');
      // only agents signed in to live-help duty are routed to (inside live-help hours)
      const duty = await http.req('POST', '/api/duty/sign-in', {});
      if (duty.status !== 200) throw new Error(`agent duty sign-in failed (outside live-help hours?): ${duty.text}`);
      agents.push({ http, node, ws: null, lastSeq: new Map(), n: i, greeted: new Set() });
    },
  );
  let stopping = false;
  const connectAgent = (a: (typeof agents)[number], resume: boolean) =>
    new Promise<void>((resolve) => {
      const ws = new WebSocket(`${url(a.node).replace('http', 'ws')}/api/chat/ws`, {
        headers: { cookie: a.http.cookieHeader() },
      });
      a.ws = ws;
      ws.on('open', () =>
        ws.send(
          JSON.stringify({
            t: 'hello',
            ...(resume
              ? { resume: [...a.lastSeq].map(([conversationId, afterSeq]) => ({ conversationId, afterSeq })) }
              : {}),
          }),
        ),
      );
      ws.on('message', (raw) => {
        const f = JSON.parse(raw.toString());
        if (f.t === 'welcome') resolve();
        // a chat given to this agent is greeted at once, as agents do within the minute (its
        // first-response clock stops; timed like any message when sent during the exchange)
        if (f.t === 'agent_conversation' && !f.removed && !a.greeted.has(f.conversation.id)) {
          a.greeted.add(f.conversation.id);
          ws.send(
            JSON.stringify({
              t: 'send',
              conversationId: f.conversation.id,
              clientId: `g-${f.conversation.id}`,
              text: `b:${Date.now()}:您好，请讲`,
            }),
          );
        }
        if (f.t === 'message' && f.message.from === 'citizen') {
          onDelivered(a.lastSeq, f.message);
          const clientId = `r-${f.message.id}`;
          ws.send(
            JSON.stringify({
              t: 'send',
              conversationId: f.message.conversationId,
              clientId,
              text: `b:${Date.now()}:答复`,
            }),
          );
        } else if (f.t === 'message')
          a.lastSeq.set(
            f.message.conversationId,
            Math.max(a.lastSeq.get(f.message.conversationId) ?? 0, f.message.seq),
          );
        if (f.t === 'ack') {
          stats.acked.set(f.message.id, { conv: f.message.conversationId, to: 'citizen', seq: f.message.seq });
          countExchanged(f.message.text);
        }
      });
      ws.on('close', () => {
        if (!stopping && !alive.has(a.node)) {
          a.node = [...alive][a.n % alive.size];
          void connectAgent(a, true);
        }
      });
      ws.on('error', () => undefined);
    });
  await Promise.all(agents.map((a) => connectAgent(a, false)));
  log(`bench: ${K} node(s), ${agents.length} agents on duty`);

  // citizens: join, wait for an agent, then a message every few seconds
  type Cit = {
    token: string;
    id: string;
    node: number;
    ws: Ws | null;
    lastSeq: Map<string, number>;
    active: boolean;
    n: number;
    reconnectedAt: number | null;
    resumedAt: number | null;
  };
  const citizens: Cit[] = [];
  await pool(
    Array.from({ length: N }, (_, i) => i),
    16,
    async (i) => {
      const node = i % K;
      const http = new Http(url(node), `10.${1 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`);
      const r = await http.req('POST', '/api/chat/conversations', { channel: 'portal', question: `压测问题${i}` });
      if (r.status !== 201) throw new Error(`join: ${r.status} ${r.text}`);
      const j = r.json();
      citizens.push({
        token: j.token,
        id: j.conversation.id,
        node,
        ws: null,
        lastSeq: new Map(),
        active: j.conversation.status === 'active',
        n: i,
        reconnectedAt: null,
        resumedAt: null,
      });
    },
  );
  const connectCitizen = (c: Cit, resume: boolean) =>
    new Promise<void>((resolve) => {
      const ws = new WebSocket(`${url(c.node).replace('http', 'ws')}/api/chat/ws`);
      c.ws = ws;
      ws.on('open', () =>
        ws.send(
          JSON.stringify({
            t: 'hello',
            token: c.token,
            resume: [{ conversationId: c.id, afterSeq: c.lastSeq.get(c.id) ?? 0 }],
          }),
        ),
      );
      ws.on('message', (raw) => {
        const f = JSON.parse(raw.toString());
        if (f.t === 'welcome') {
          if (resume) c.resumedAt = Date.now();
          resolve();
        }
        if (f.t === 'conversation') c.active = f.conversation.status === 'active';
        if (f.t === 'message' && f.message.from === 'agent') onDelivered(c.lastSeq, f.message);
        else if (f.t === 'message') c.lastSeq.set(c.id, Math.max(c.lastSeq.get(c.id) ?? 0, f.message.seq));
        if (f.t === 'ack') {
          stats.acked.set(f.message.id, { conv: c.id, to: 'agent', seq: f.message.seq });
          countExchanged(f.message.text);
          c.lastSeq.set(c.id, Math.max(c.lastSeq.get(c.id) ?? 0, f.message.seq));
        }
      });
      ws.on('close', () => {
        if (!stopping && !alive.has(c.node)) {
          c.node = [...alive][c.n % alive.size];
          c.reconnectedAt = Date.now();
          void connectCitizen(c, true);
        }
      });
      ws.on('error', () => undefined);
    });
  await pool(citizens, 50, (c) => connectCitizen(c, false));
  // the exchange starts once every citizen has an agent (told through the hub, after its backlog)
  for (let t = 0; t < 600 && citizens.some((c) => !c.active); t++) await sleep(100);
  const waiting = citizens.filter((c) => !c.active).length;
  if (waiting) log(`bench: ${waiting} citizens still without an agent`);
  if (databaseUrl.startsWith('postgres')) {
    // what autovacuum does a minute after the set-up on any PostgreSQL with its default settings
    // (this machine's has autovacuum off): statistics for the tables the set-up filled, so plans
    // see thousands of conversations, not an empty table
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query('analyze');
    await c.end();
  }
  // … and once every node has worked off what the set-up left (the joins, assignments and their
  // notices in each node's event consumers): the figures are of the exchange, not of the set-up
  const s0 = Date.now();
  let quiet = 0;
  for (let t = 0; t < 600 && quiet < 3; t++) {
    const lags = await Promise.all(
      [...alive].map(async (i) => {
        const node = new Http(url(i), '10.255.0.1');
        node.cookies = admin.cookies; // sessions live in the database: one sign-in serves every node
        const text = (await node.req('GET', '/metrics')).text;
        const lag = [...text.matchAll(/^bangban_event_consumer_lag_seconds\{[^}]*\} ([\d.e+-]+)$/gm)];
        if (!lag.length) throw new Error(`node ${i}: no bangban_event_consumer_lag_seconds in /metrics`);
        return Math.max(...lag.map((m) => Number(m[1])));
      }),
    );
    quiet = Math.max(...lags) === 0 ? quiet + 1 : 0;
    await sleep(200);
  }
  log(`bench: event consumers caught up after ${((Date.now() - s0) / 1000).toFixed(1)} s`);
  log(`bench: ${citizens.length} citizens connected; exchanging for ${SECONDS} s`);

  const t0 = Date.now();
  exchangeFrom = t0;
  let seq = 0;
  const senders = citizens.map((c) => {
    const tick = () => {
      if (stopping) return;
      if (c.active && c.ws?.readyState === OPEN)
        c.ws.send(
          JSON.stringify({
            t: 'send',
            conversationId: c.id,
            clientId: `b-${c.n}-${seq++}`,
            text: `b:${Date.now()}:问题`,
          }),
        );
      setTimeout(tick, EVERY_MS * (0.5 + Math.random()));
    };
    return setTimeout(tick, Math.random() * EVERY_MS);
  });
  let killed = 0;
  if (KILL && K > 1) {
    await sleep((SECONDS * 1000) / 2);
    const victim = K - 1;
    alive.delete(victim);
    servers[victim]!.kill('SIGKILL');
    killed = 1;
    log(`bench: node ${victim} killed`);
  }
  await sleep(Math.max(0, SECONDS * 1000 - (Date.now() - t0)));
  stopping = true;
  senders.forEach(clearTimeout);
  const elapsed = (Date.now() - t0) / 1000;
  // let the last answers arrive: a message acked but not delivered 30 s later counts as lost
  const undelivered = () => [...stats.acked.keys()].some((id) => !stats.received.has(id));
  for (let t = 0; t < 300 && undelivered(); t++) await sleep(100);
  await sleep(500); // and any second copy

  let lost = 0;
  let duplicated = 0;
  for (const [id, to] of stats.acked) {
    const n = stats.received.get(id) ?? 0;
    if (n === 0) {
      lost++;
      if (lost <= 10) log(`bench: message ${id} (seq ${to.seq}) in conversation ${to.conv} never reached the ${to.to}`);
    }
    if (n > 1) duplicated += n - 1;
  }
  // the stored transcripts: every acked message is there, none twice
  const ids = [...stats.acked.keys()];
  const eventCounts: Record<string, number> = {};
  let stored = 0;
  let storedDup = 0;
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new SqliteDatabase(databaseUrl.slice(7), { readonly: true });
    const r = db
      .prepare(
        "select count(*) n, count(distinct conversation_id || ':' || client_id) d from chat_messages where client_id is not null",
      )
      .get() as { n: number; d: number };
    for (const r of db
      .prepare("select type, count(*) n from events where type like 'livechat.%' group by type")
      .all() as { type: string; n: number }[])
      eventCounts[r.type] = r.n;
    stored = r.n;
    storedDup = r.n - r.d;
    db.close();
  } else {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    const r = await c.query(
      "select count(*)::int n, count(distinct conversation_id || ':' || client_id)::int d from chat_messages where client_id is not null",
    );
    stored = r.rows[0].n;
    storedDup = r.rows[0].n - r.rows[0].d;
    await c.end();
  }
  const missingInStore = Math.max(0, ids.length - stored);
  if (lost || stats.reordered) log(`bench: conversation events: ${JSON.stringify(eventCounts)}`);
  const sorted = [...stats.latencies].sort((a, b) => a - b);
  const pct = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : null;
  const resumed = citizens.filter(
    (c) => c.reconnectedAt && c.resumedAt && c.resumedAt - c.reconnectedAt <= 10_000,
  ).length;
  clearInterval(rssTimer);
  for (const w of [...agents.map((a) => a.ws), ...citizens.map((c) => c.ws)]) w?.terminate();
  for (const s of servers) if (s && s.exitCode === null) s.kill('SIGTERM');
  await sleep(500);
  if (dropDb) await dropDb().catch(() => undefined);
  if (arg('keep') === 'true') log(`bench: data kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  const result = {
    conversations: citizens.length,
    nodes: K,
    messages: stats.acked.size,
    msg_per_s: Math.round(exchanged / elapsed),
    p50_ms: pct(0.5),
    p99_ms: pct(0.99),
    lost: lost + missingInStore,
    duplicated: duplicated + storedDup,
    reordered: stats.reordered,
    rss_mb: Math.round(rss),
    ...(KILL ? { killed, resumed_conversations: resumed } : {}),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

main().catch((err) => {
  log('bench failed:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
