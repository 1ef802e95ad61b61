/**
 * `npm run bench:orders -- --orders N [--db sqlite|postgres] [--intake M] [--port P] [--cpu-prof DIR]`
 *
 * Work orders at volume (issue 8). Migrates and seeds a fresh database, bulk-loads N realistic
 * orders (a year of them, across departments, sources and types, each with the rows and events
 * the write path makes: received, dispatched, accepted, replied, called back, closed, the deadline
 * alerts the sweep would have sent until an hour ago), then times:
 *   - the deadline sweep (the alerts of the last hour, and of a day without a run: only due rows,
 *     through the index; sweep_ms is the slower of the two);
 *   - intake through the 12345 push API: M orders (default 2,000), one per POST
 *     /api/integrations/12345/orders with a bearer key, 16 keep-alive clients;
 *   - a department's filtered list (status=handling, by due time): the first page, and a deep
 *     page reached by following the keyset cursor 50 pages down;
 *   - one order's history.
 * Prints one JSON line last: {orders, db, intake_per_s, list_p95_ms, deep_page_p95_ms,
 * history_p95_ms, sweep_ms, db_mb}.
 */
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connectDatabase, type Db } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { MODULES } from '../src/modules/index.js';
import { loadCalendar, loadServiceHours } from '../src/modules/calendar/calendar.repo.js';
import { WorkingTimeService } from '../src/modules/calendar/working-time-service.js';
import { shanghaiDate } from '../src/platform/calendar/index.js';
import { alertHorizons } from '../src/platform/calendar/index.js';
import { DEFAULT_ORDER_TYPES, orderDueAt } from '../src/modules/work-orders/order-deadlines.js';
import { sweepDeadlines } from '../src/modules/work-orders/use-cases/sweep-deadlines.js';
import { receiveOrder } from '../src/modules/work-orders/use-cases/receive-order.js';
import { SYSTEM_ACTOR } from '../src/platform/events/record-event.js';
import pg from 'pg';
import { Http, log, scratchPostgres, sleep, startServer } from './server-harness.js';
import type { WorkOrderSource, WorkOrderStatus, WorkOrderType } from '../src/contracts/enums/work-orders.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 || process.argv[i + 1] === undefined ? dflt : process.argv[i + 1];
};
const N = Number(arg('orders', '10000'));
const DB_KIND = arg('db', 'sqlite');
const INTAKE = Number(arg('intake', '2000'));
const PORT = Number(arg('port', '3950'));
/** --cpu-prof DIR: the server writes a V8 CPU profile there when it stops (to see where the time goes) */
const CPU_PROF = arg('cpu-prof', '');
const CLIENTS = 16;
const SAMPLES = 300;

/** CPU time (user + system) a process has used, in ms (Linux: /proc); null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // fields 14 and 15, in clock ticks (100/s)
  } catch {
    return null;
  }
}

/** A deterministic pseudo-random source (the same data set for the same N). */
let seed = 42;
/** mulberry32 */
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(weighted: [T, number][]): T => {
  let r = rand() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of weighted) if ((r -= w) < 0) return v;
  return weighted[0][0];
};
const uuid = () => crypto.randomUUID();

const SOURCES: [WorkOrderSource, number][] = [
  ['hotline_12345', 60],
  ['online_report', 12],
  ['offline_report', 5],
  ['live_help', 15],
  ['bot_message', 8],
];
const TYPES: [WorkOrderType, number][] = [
  ['consultation', 30],
  ['suggestion', 6],
  ['help_request', 27],
  ['complaint', 27],
  ['supervision', 6],
  ['callback_recheck', 4],
];
const TITLES = ['取水许可证延续', '供水水压不足', '排水许可办理', '河道保洁投诉', '海塘巡查建议', '水费账单疑问'];

type Row = Record<string, unknown>;

/** One order as the write path would have left it, with its events. */
function makeOrder(
  i: number,
  now: Date,
  departments: string[],
  users: { hotline: string; dept: Map<string, string> },
  cal: Awaited<ReturnType<typeof loadCalendar>>,
  cob: string,
  horizons: ReturnType<typeof alertHorizons>,
  lastSweep: string,
  seqByYear: Map<string, number>,
): { order: Row; co: Row[]; events: Row[] } {
  // a year of orders, more recent ones slightly denser; the newest ~3% still open
  const ageMs = Math.pow(rand(), 1.1) * 365 * 86_400_000;
  const received = new Date(now.getTime() - ageMs);
  const source = pick(SOURCES);
  const type: WorkOrderType =
    source === 'online_report' || source === 'offline_report' ? 'blocked_service' : pick(TYPES);
  const limits = DEFAULT_ORDER_TYPES.find((t) => t.code === type)!;
  const dueAt = orderDueAt(cal, cob, received, limits.workingDays);
  const recvIso = received.toISOString();
  const ageDays = ageMs / 86_400_000;
  const status: WorkOrderStatus =
    ageDays > 25
      ? pick([
          ['closed', 96],
          ['called_back', 2],
          ['replied', 2],
        ])
      : pick([
          ['received', 6],
          ['dispatched', 14],
          ['handling', 40],
          ['extension_requested', 3],
          ['replied', 12],
          ['called_back', 5],
          ['closed', 20],
        ]);
  const dept = departments[Math.floor(rand() * departments.length)];
  const year = shanghaiDate(received).slice(0, 4);
  const seq = (seqByYear.get(year) ?? 0) + 1;
  seqByYear.set(year, seq);
  const number = `GD${year}${String(seq).padStart(7, '0')}`;
  const id = uuid();
  const order: Row = {
    id,
    number,
    source,
    external_no: source === 'hotline_12345' ? `12345-${i}` : null,
    type,
    status,
    open: ['received', 'dispatched', 'handling', 'extension_requested', 'returned'].includes(status) ? 1 : 0,
    title: TITLES[i % TITLES.length],
    content: '市民反映相关事项办理中遇到的问题，请核实处理并答复。',
    matter_id: null,
    citizen_name: '市民',
    citizen_phone: `139${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`,
    details: '{}',
    department_id: status === 'received' ? null : dept,
    received_at: recvIso,
    received_by: users.hotline,
    clock_start_at: recvIso,
    limit_days: limits.workingDays,
    due_at: dueAt,
    contact_due_at: limits.contactDays === null ? null : orderDueAt(cal, cob, received, limits.contactDays),
    pending_alert: 'remind',
    reminded_at: null,
    overdue_at: null,
    escalated_at: null,
    dispatched_at: null,
    dispatched_by: null,
    return_reason: null,
    returned_count: 0,
    extension_days: status === 'extension_requested' ? 15 : null,
    extension_reason: status === 'extension_requested' ? '需现场核查' : null,
    extended: 0,
    reply: null,
    resolved: null,
    unresolved_reason: null,
    handler_name: null,
    handler_phone: null,
    replied_at: null,
    replied_by: null,
    on_time: null,
    satisfaction: null,
    callback_note: null,
    called_back_at: null,
    reopened_count: 0,
    closed_at: null,
    created_at: recvIso,
    created_on: shanghaiDate(received),
    updated_at: recvIso,
  };
  const events: Row[] = [];
  const ev = (type: string, at: Date, data: Row, actor: string | null, departmentId: string | null = dept) =>
    events.push({
      type,
      actor_id: actor,
      actor_label: actor ? 'bench' : 'system',
      subject_type: 'work_order',
      subject_id: id,
      subject_label: number,
      department_id: departmentId,
      data: JSON.stringify(data),
      ip: null,
      request_id: null,
      created_at: at.toISOString(),
      created_on: shanghaiDate(at),
    });
  ev(
    'work_order.received',
    received,
    { number, source, type, dueAt, externalNo: order.external_no },
    users.hotline,
    null,
  );
  const step = (minutes: number, from: Date) =>
    new Date(Math.min(now.getTime() - 60_000, from.getTime() + minutes * 60_000));
  let at = received;
  const co: Row[] = [];
  const order3 = ['dispatched', 'handling', 'extension_requested', 'replied', 'called_back', 'closed'];
  const reached = (s: WorkOrderStatus) => order3.indexOf(status) >= order3.indexOf(s) && status !== 'received';
  if (reached('dispatched')) {
    at = step(20 + rand() * 120, at);
    order.dispatched_at = at.toISOString();
    order.dispatched_by = users.hotline;
    const coDept = rand() < 0.1 ? departments.find((d) => d !== dept)! : null;
    if (coDept) co.push({ order_id: id, department_id: coDept });
    ev(
      'work_order.dispatched',
      at,
      {
        number,
        from: 'received',
        to: 'dispatched',
        departmentId: dept,
        coDepartmentIds: coDept ? [coDept] : [],
        note: null,
      },
      users.hotline,
    );
  }
  const agent = users.dept.get(dept) ?? null;
  if (reached('handling') && status !== 'dispatched') {
    at = step(30 + rand() * 600, at);
    ev('work_order.accepted', at, { number, from: 'dispatched', to: 'handling' }, agent);
  }
  if (status === 'extension_requested') {
    at = step(60, at);
    ev(
      'work_order.extension_requested',
      at,
      { number, from: 'handling', to: 'extension_requested', days: 15, reason: '需现场核查' },
      agent,
    );
  }
  if (reached('replied') && status !== 'extension_requested') {
    // most replies come in time; about 6% late
    const late = rand() < 0.06;
    const replied = late
      ? new Date(Date.parse(dueAt) + rand() * 3 * 86_400_000)
      : new Date(received.getTime() + rand() * (Date.parse(dueAt) - received.getTime()));
    at = new Date(Math.min(now.getTime() - 60_000, Math.max(at.getTime() + 60_000, replied.getTime())));
    Object.assign(order, {
      reply: '已核实并答复市民。',
      resolved: rand() < 0.9 ? 1 : 0,
      handler_name: '承办人',
      replied_at: at.toISOString(),
      replied_by: agent,
      on_time: at.toISOString() <= dueAt ? 1 : 0,
      pending_alert: null,
    });
    if (late) {
      order.overdue_at = dueAt;
      ev('work_order.overdue', new Date(dueAt), { number, dueAt, departmentId: dept }, null);
    }
    ev(
      'work_order.replied',
      at,
      { number, from: 'handling', to: 'replied', reply: '已核实并答复市民。', resolved: true, onTime: !late },
      agent,
    );
  }
  if (reached('called_back')) {
    at = step(60 + rand() * 1440, at);
    const satisfaction = pick([
      [5, 60],
      [4, 25],
      [3, 10],
      [2, 4],
      [1, 1],
    ]);
    Object.assign(order, { satisfaction, called_back_at: at.toISOString() });
    ev(
      'work_order.called_back',
      at,
      { number, from: 'replied', to: 'called_back', satisfaction, note: null },
      users.hotline,
    );
  }
  if (status === 'closed') {
    at = step(10 + rand() * 600, at);
    order.closed_at = at.toISOString();
    ev('work_order.closed', at, { number, from: 'called_back', to: 'closed' }, users.hotline);
  }
  order.updated_at = at.toISOString();
  // an open order: the alerts the sweep would have sent by its last run, an hour ago
  if (order.open === 1) {
    const alert = (kind: 'remind' | 'overdue' | 'escalate', when: string) => {
      const col = { remind: 'reminded_at', overdue: 'overdue_at', escalate: 'escalated_at' }[kind];
      order[col] = when;
      const type = { remind: 'work_order.reminded', overdue: 'work_order.overdue', escalate: 'work_order.escalated' }[
        kind
      ];
      ev(type, new Date(when), { number, dueAt, departmentId: order.department_id }, null);
    };
    if (dueAt <= horizons.escalateBefore) {
      alert('overdue', dueAt);
      alert('escalate', dueAt);
      order.pending_alert = null;
    } else if (dueAt <= lastSweep) {
      alert('overdue', dueAt);
      order.pending_alert = 'escalate';
    } else if (dueAt <= horizons.remindBefore) {
      alert('remind', lastSweep);
      order.pending_alert = 'overdue';
    }
  }
  return { order, co, events };
}

async function insertBatches(
  db: Db,
  table: 'work_orders' | 'work_order_co_departments' | 'events',
  rows: Row[],
  size: number,
) {
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
}

async function bulkLoad(db: Db, now: Date): Promise<void> {
  const cal = await loadCalendar(db);
  const hours = await loadServiceHours(db, 'offline_hall');
  const cob = hours.periods.at(-1)!.end;
  const lastSweep = new Date(now.getTime() - 3600_000);
  const horizons = alertHorizons(cal, hours, lastSweep);
  const departments = (await db.selectFrom('departments').select('id').where('kind', '=', 'owner').execute()).map(
    (d) => d.id,
  );
  const hotline = (
    await db.selectFrom('users').select('id').where('username', '=', 'hotline1').executeTakeFirstOrThrow()
  ).id;
  const agents = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.department_id'])
    .where('user_roles.role', '=', 'business_agent')
    .execute();
  const users = { hotline, dept: new Map(agents.map((a) => [a.department_id!, a.id])) };
  const seqByYear = new Map<string, number>();
  const CHUNK = 5000;
  const t0 = Date.now();
  for (let start = 0; start < N; start += CHUNK) {
    const orders: Row[] = [];
    const co: Row[] = [];
    const events: Row[] = [];
    for (let i = start; i < Math.min(N, start + CHUNK); i++) {
      const o = makeOrder(i, now, departments, users, cal, cob, horizons, lastSweep.toISOString(), seqByYear);
      orders.push(o.order);
      co.push(...o.co);
      events.push(...o.events);
    }
    // events in time order, as they would have been recorded
    events.sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
    await db.transaction().execute(async (trx) => {
      await insertBatches(trx, 'work_orders', orders, 400);
      await insertBatches(trx, 'work_order_co_departments', co, 1000);
      await insertBatches(trx, 'events', events, 1000);
    });
    if ((start / CHUNK) % 20 === 0)
      log(`loaded ${Math.min(N, start + CHUNK)} orders (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  for (const [year, value] of seqByYear)
    await sql`insert into counters (name, value) values (${`work_order:${year}`}, ${value})
      on conflict (name) do update set value = excluded.value`.execute(db);
  log(`bulk load: ${N} orders in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
async function timeEach(n: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangban-orders-'));
  let databaseUrl = `sqlite:${path.join(dir, 'bench.sqlite')}`;
  let dropDb: (() => Promise<void>) | null = null;
  if (DB_KIND === 'postgres') {
    const scratch = await scratchPostgres('bangban_orders');
    databaseUrl = scratch.url;
    dropDb = scratch.drop;
  }
  let server: ChildProcess | null = null;
  try {
    const now = new Date();
    const db = connectDatabase(databaseUrl);
    await migrateToLatest(db);
    for (const m of MODULES) await m.seed?.(db, now, { demo: true });
    await bulkLoad(db, now);
    await sql`analyze`.execute(db);

    // the sweep: the alerts that fell due in the hour since the last run (usually few: due times
    // fall at close of business), then a day later without any run in between (a backlog)
    const wt = new WorkingTimeService(db);
    const s0 = performance.now();
    const swept = await sweepDeadlines({ db, workingTime: wt }, new Date());
    const sweepMs = performance.now() - s0;
    log(`sweep: ${JSON.stringify(swept)} in ${sweepMs.toFixed(1)} ms`);
    const s1 = performance.now();
    const backlog = await sweepDeadlines({ db, workingTime: wt }, new Date(Date.now() + 86_400_000));
    const backlogMs = performance.now() - s1;
    log(`sweep a day later: ${JSON.stringify(backlog)} in ${backlogMs.toFixed(1)} ms`);

    // the write path alone, in this process (no HTTP): what intake costs in the database
    const w0 = performance.now();
    const DIRECT = 500;
    for (let i = 0; i < DIRECT; i++)
      await receiveOrder({ db, workingTime: wt }, SYSTEM_ACTOR, new Date(), {
        source: 'hotline_12345',
        externalNo: `direct-${i}`,
        type: 'complaint',
        title: '压测工单',
        content: '市民反映的问题，请核实处理。',
      });
    log(`write path alone: ${(DIRECT / ((performance.now() - w0) / 1000)).toFixed(0)} orders/s (sequential, no HTTP)`);
    await db.destroy();

    server = await startServer({
      port: PORT,
      databaseUrl,
      dataDir: dir,
      nodeArgs: CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF)}`] : [],
    });
    const base = `http://127.0.0.1:${PORT}`;

    // intake through the 12345 push API: a client system issued by the administrator (its rate
    // raised for the run), 16 keep-alive connections, one order per request with the bearer key
    const admin = new Http(base);
    await admin.login('admin');
    const issued = await admin.req('POST', '/api/api-clients', {
      name: '压测 12345 平台',
      scopes: ['orders:push'],
      ratePerMinute: 100_000,
    });
    if (issued.status !== 201) throw new Error(`issue api client: ${issued.status} ${issued.text}`);
    const apiKey = (issued.json() as { key: string }).key;
    const push = (i: number) =>
      fetch(`${base}/api/integrations/12345/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          orderNo: `bench-${i}`,
          type: i % 2 ? '投诉' : '咨询',
          title: '压测工单',
          content: '市民反映的问题，请核实处理。',
          citizenName: '市民',
          citizenPhone: '13912345678',
          receivedAt: new Date().toISOString(),
          departmentHint: '水资源管理处',
        }),
      });
    let next = 0;
    let failed = 0;
    const cpu0 = cpuMs(server.pid);
    const i0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < INTAKE; i = next++) {
          const r = await push(i);
          await r.arrayBuffer();
          if (r.status !== 201) failed++;
        }
      }),
    );
    const intakePerS = INTAKE / ((performance.now() - i0) / 1000);
    // the server's own CPU per order: comparable between runs on a busy machine, where orders/s is not
    if (cpu0 !== null) log(`intake: server CPU ${((cpuMs(server.pid)! - cpu0) / INTAKE).toFixed(3)} ms per order`);
    if (failed) log(`intake: ${failed} requests failed`);

    // a department's list: status=handling by due time; a deep page 50 pages down
    const water = new Http(base);
    await water.login('water1');
    // what any signed-in request costs here (session, hooks), to read the figures below against
    const baseline = await timeEach(SAMPLES, async () => void (await water.req('GET', '/api/auth/me')));
    log(`baseline GET /api/auth/me p95: ${p95(baseline).toFixed(2)} ms; load average ${os.loadavg()[0].toFixed(1)}`);
    const first = '/api/work-orders?status=handling&sort=due&limit=20';
    await water.req('GET', first);
    const list = await timeEach(SAMPLES, async () => void (await water.req('GET', first)));
    let cursor: string | null = null;
    let depth = 0;
    for (; depth < 50; depth++) {
      const page = (await water.req('GET', cursor ? `${first}&cursor=${cursor}` : first)).json() as {
        nextCursor: string | null;
      };
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const deepUrl = cursor ? `${first}&cursor=${cursor}` : first;
    const deep = await timeEach(SAMPLES, async () => void (await water.req('GET', deepUrl)));
    log(`deep page: ${depth} pages down`);

    // one order's history (the department's own orders, as its staff open them)
    const ids = (
      (await water.req('GET', '/api/work-orders?sort=received&limit=100')).json() as { items: { id: string }[] }
    ).items.map((x) => x.id);
    const history = await timeEach(SAMPLES, async (i) => {
      const r = await water.req('GET', `/api/work-orders/${ids[i % ids.length]}/history`);
      if (r.status !== 200) throw new Error(`history ${r.status}`);
    });

    let dbMb = 0;
    if (DB_KIND === 'postgres') {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      dbMb = Number((await c.query('select pg_database_size(current_database()) as s')).rows[0].s) / 2 ** 20;
      await c.end();
    } else
      for (const f of fs.readdirSync(dir))
        if (f.startsWith('bench.sqlite')) dbMb += fs.statSync(path.join(dir, f)).size / 2 ** 20;

    const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
    console.log(
      JSON.stringify({
        orders: N,
        db: DB_KIND,
        intake_per_s: round(intakePerS, 0),
        list_p95_ms: round(p95(list)),
        deep_page_p95_ms: round(p95(deep)),
        history_p95_ms: round(p95(history)),
        sweep_ms: round(Math.max(sweepMs, backlogMs), 1),
        db_mb: round(dbMb, 1),
      }),
    );
  } finally {
    server?.kill('SIGTERM');
    await sleep(500);
    await dropDb?.();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
