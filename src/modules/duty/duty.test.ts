import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from '../../platform/db/connect.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { createTwoNodes, type TwoNodes } from '../../testing/two-nodes.js';
import { isOnDuty, listOnDuty } from './duty.queries.js';
import { signOutAtClose } from './jobs/sign-out-at-close.js';
import { signOutOnLogout } from './jobs/sign-out-on-logout.js';

/** Shanghai wall time as an ISO instant. */
const sh = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

const userId = async (t: TestApp, username: string) =>
  (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

const events = (t: TestApp, type: string, subjectId: string) =>
  t.ctx.db
    .selectFrom('events')
    .select(['data', 'actor_id'])
    .where('type', '=', type)
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();

describe('live-help duty: sign in / out inside hours, late and early minutes stored', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: sh('2026-11-25', '10:00') });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses signing in during the lunch break and on a holiday, says when it opens, writes nothing', async () => {
    const w = await t.as('window1');
    const id = await userId(t, 'window1');
    t.clock.set(sh('2026-11-25', '12:00'));
    const me = (await w.get('/api/duty/me')).json();
    expect(me).toMatchObject({
      status: 'off',
      withinHours: false,
      canSignIn: false,
      nextOpening: sh('2026-11-25', '13:30'),
    });
    expect(me.reason.zh).toContain('今天 13:30');
    const res = await w.post('/api/duty/sign-in');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      details: { reason: 'outside_hours', nextOpening: sh('2026-11-25', '13:30') },
    });
    t.clock.set(sh('2026-10-02', '10:00'));
    expect((await w.post('/api/duty/sign-in')).json().error.messages.zh).toContain('不是工作日');
    expect(await t.ctx.db.selectFrom('duty_records').select('id').where('user_id', '=', id).execute()).toEqual([]);
    expect(await events(t, 'duty.signed_in', id)).toEqual([]);
    expect(await isOnDuty(t.ctx.db, id)).toBe(false);
  });

  it('rosters by weekday pattern over working days only (make-up Saturday included, holidays not)', async () => {
    const office = await t.as('office1');
    const window1 = await userId(t, 'window1');
    const supply1 = await userId(t, 'supply1');
    // 1–11 Oct 2026: holidays 1–7, working Thu 8, Fri 9, make-up Sat 10; Sun 11 off
    const all = await office.put('/api/duty/roster', { from: '2026-10-01', to: '2026-10-11', userIds: [supply1] });
    expect(all.json()).toEqual({ days: 3 });
    const sat = await office.put('/api/duty/roster', {
      from: '2026-10-01',
      to: '2026-10-11',
      weekdays: [6],
      userIds: [window1],
    });
    expect(sat.json()).toEqual({ days: 1 });
    const roster = (await office.get('/api/duty/roster?from=2026-10-07&to=2026-10-11')).json();
    const byDate = Object.fromEntries(
      roster.days.map((d: { date: string; workingDay: boolean; staff: { userId: string }[] }) => [
        d.date,
        [d.workingDay, d.staff.map((s) => s.userId)],
      ]),
    );
    expect(byDate).toEqual({
      '2026-10-07': [false, []],
      '2026-10-08': [true, [supply1]],
      '2026-10-09': [true, [supply1]],
      '2026-10-10': [true, [window1]],
      '2026-10-11': [false, []],
    });
    expect(roster.candidates.map((c: { userId: string }) => c.userId)).toEqual(
      expect.arrayContaining([window1, supply1]),
    );
    expect(roster.candidates.find((c: { userId: string }) => c.userId === window1).workNumber).toBe('SW0002');
  });

  it('on the make-up Saturday: 25 minutes late in, 60 minutes early out, shown to the supervisor', async () => {
    t.clock.set(sh('2026-10-10', '09:25'));
    const w = await t.as('window1');
    const id = await userId(t, 'window1');
    const signedIn = await w.post('/api/duty/sign-in');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ status: 'on', lateMinutes: 25, rosteredToday: true, canSignIn: false });
    expect(await isOnDuty(t.ctx.db, id)).toBe(true);
    const twice = await w.post('/api/duty/sign-in');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('INVALID_TRANSITION');
    t.clock.set(sh('2026-10-10', '15:30'));
    // a new session: the morning's one has gone idle
    expect((await (await t.as('window1')).post('/api/duty/sign-out')).json()).toMatchObject({ status: 'off' });
    const records = (await (await t.as('office1')).get('/api/duty/records?from=2026-10-10')).json();
    expect(records.items).toEqual([
      expect.objectContaining({
        userId: id,
        workNumber: 'SW0002',
        date: '2026-10-10',
        rostered: true,
        lateMinutes: 25,
        earlyMinutes: 60,
        signOutReason: 'self',
        signedInAt: sh('2026-10-10', '09:25'),
      }),
    ]);
    expect((await events(t, 'duty.signed_in', id)).map((e) => JSON.parse(e.data))).toEqual([
      expect.objectContaining({ userId: id, reason: 'self', rostered: true, lateMinutes: 25 }),
    ]);
    expect((await events(t, 'duty.signed_out', id)).map((e) => JSON.parse(e.data))).toEqual([
      expect.objectContaining({ userId: id, reason: 'self', earlyMinutes: 60 }),
    ]);
  });

  it('around the lunch break: in at 13:40 is 160 minutes late, out at 14:00 leaves 150; back in later is not late again', async () => {
    t.clock.set(sh('2026-11-26', '13:40'));
    const office = await t.as('office1');
    const s = await t.as('supply1');
    const id = await userId(t, 'supply1');
    const window1 = await userId(t, 'window1');
    await office.put('/api/duty/roster', { from: '2026-11-26', to: '2026-11-26', userIds: [id] });
    expect((await s.post('/api/duty/sign-in')).json().lateMinutes).toBe(160);
    t.clock.set(sh('2026-11-26', '14:00'));
    await s.post('/api/duty/sign-out');
    t.clock.set(sh('2026-11-26', '15:00'));
    expect((await s.post('/api/duty/sign-in')).json()).toMatchObject({ status: 'on', lateMinutes: 0 });
    // window1 is not rostered that day: never late nor early
    const w = await t.as('window1');
    t.clock.set(sh('2026-11-26', '15:10'));
    expect((await w.post('/api/duty/sign-in')).json()).toMatchObject({ lateMinutes: 0, rosteredToday: false });
    await w.post('/api/duty/sign-out');
    const records = (await office.get('/api/duty/records?from=2026-11-26')).json();
    const mine = records.items.filter((r: { userId: string }) => r.userId === id);
    expect(
      mine.map((r: { lateMinutes: number; earlyMinutes: number | null }) => [r.lateMinutes, r.earlyMinutes]),
    ).toEqual([
      [0, null],
      [160, 150],
    ]);
    expect(records.items.find((r: { userId: string }) => r.userId === window1)).toMatchObject({
      rostered: false,
      lateMinutes: 0,
      earlyMinutes: 0,
    });
    expect(records.onDuty.map((o: { userId: string }) => o.userId)).toEqual([id]);
    // livechat's query: who is on duty by role and department
    const supplyDept = (
      await t.ctx.db.selectFrom('users').select('department_id').where('id', '=', id).executeTakeFirstOrThrow()
    ).department_id!;
    expect(await listOnDuty(t.ctx.db, { role: 'business_agent', departmentId: supplyDept })).toEqual([
      {
        userId: id,
        displayName: '赵静（供水）',
        workNumber: 'SW0004',
        since: expect.any(String),
        departmentId: supplyDept,
      },
    ]);
    expect(await listOnDuty(t.ctx.db, { role: 'window_agent' })).toEqual([]);
    expect(await listOnDuty(t.ctx.db, { role: 'business_agent', departmentId: 'elsewhere' })).toEqual([]);
  });

  it('signing out of Bangban signs out of duty too (once, even when the event is delivered again)', async () => {
    t.clock.set(sh('2026-11-25', '10:00'));
    const agent = await t.as('window1');
    const id = await userId(t, 'window1');
    if (!(await isOnDuty(t.ctx.db, id))) expect((await agent.post('/api/duty/sign-in')).statusCode).toBe(200);
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    for (let i = 0; i < 100 && (await isOnDuty(t.ctx.db, id)); i++) {
      await t.ctx.feed.poll();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await isOnDuty(t.ctx.db, id)).toBe(false);
    const out = await events(t, 'duty.signed_out', id);
    expect(JSON.parse(out.at(-1)!.data).reason).toBe('self');
    const logout = await t.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'auth.logout')
      .where('actor_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const again = await signOutOnLogout(
      t.ctx.db,
      {
        id: Number(logout.id),
        type: 'auth.logout',
        actorId: id,
        subjectType: null,
        subjectId: null,
        departmentId: null,
        data: {},
        createdAt: logout.created_at,
      },
      await t.ctx.workingTime.getCalendar(),
      await t.ctx.workingTime.getHours('live_help'),
    );
    expect(again).toBe(false);
    expect(await events(t, 'duty.signed_out', id)).toHaveLength(out.length);
  });

  it('lists rostered staff who never signed in as absent (past days and today, not future ones)', async () => {
    t.clock.set(sh('2026-10-09', '17:00'));
    const office = await t.as('office1');
    const supply1 = await userId(t, 'supply1');
    const records = (await office.get('/api/duty/records?from=2026-10-08&to=2026-10-10')).json();
    // the server's own month when the page asks for "this month"
    const month = (await office.get('/api/duty/records?period=month')).json();
    expect(month.items).toEqual([]); // 1–9 Oct: the sign-in on the 10th is after that day
    expect(month.absent.map((a: { date: string }) => a.date)).toEqual(['2026-10-08', '2026-10-09']);
    expect(records.absent.map((a: { date: string; userId: string }) => [a.date, a.userId])).toEqual([
      ['2026-10-08', supply1],
      ['2026-10-09', supply1],
    ]);
  });
});

describe('duty policies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: sh('2026-11-25', '10:00') });
  });
  afterAll(async () => {
    await t.close();
  });

  it('agents sign themselves; only the supervisor and admin roster and read records; outsiders are refused', async () => {
    const w = await t.as('window1');
    const office = await t.as('office1');
    const hotline = await t.as('hotline1');
    const window1 = await userId(t, 'window1');
    const hotline1 = await userId(t, 'hotline1');
    const range = { from: '2026-11-25', to: '2026-11-25', userIds: [window1] };
    expect((await w.put('/api/duty/roster', range)).statusCode).toBe(403);
    expect((await w.get('/api/duty/roster?from=2026-11-25&to=2026-11-25')).statusCode).toBe(403);
    expect((await w.get('/api/duty/records')).statusCode).toBe(403);
    expect((await hotline.post('/api/duty/sign-in')).statusCode).toBe(403);
    expect((await hotline.get('/api/duty/me')).json()).toMatchObject({ canSignIn: false, status: 'off' });
    expect((await t.client().get('/api/duty/me')).statusCode).toBe(401);
    // someone who is not an agent cannot be rostered; nothing changes
    const bad = await office.put('/api/duty/roster', { ...range, userIds: [window1, hotline1] });
    expect(bad.statusCode).toBe(404);
    expect(await t.ctx.db.selectFrom('duty_roster').select('user_id').execute()).toEqual([]);
    expect(
      (await office.put('/api/duty/roster', { from: '2026-11-25', to: '2026-09-01', userIds: [] })).statusCode,
    ).toBe(400);
    expect((await office.put('/api/duty/roster', range)).statusCode).toBe(200);
    // a supervisor signs an agent out (reason admin); an agent cannot sign others out
    expect((await w.post('/api/duty/sign-in')).statusCode).toBe(200);
    expect((await w.post(`/api/duty/users/${window1}/sign-out`)).statusCode).toBe(403);
    expect((await office.post(`/api/duty/users/${window1}/sign-out`)).statusCode).toBe(200);
    expect((await office.post(`/api/duty/users/${window1}/sign-out`)).statusCode).toBe(409);
    expect(JSON.parse((await events(t, 'duty.signed_out', window1))[0].data)).toMatchObject({ reason: 'admin' });
    expect((await w.get('/api/auth/me')).json().abilities).toContain('duty.signIn');
    expect((await office.get('/api/auth/me')).json().abilities).toEqual(
      expect.arrayContaining(['duty.editRoster', 'duty.readRecords', 'conduct.managePhrases']),
    );
  });
});

describe('the end-of-hours sweep on two nodes', () => {
  let n: TwoNodes;
  beforeAll(async () => {
    n = await createTwoNodes();
  });
  afterAll(async () => {
    await n.close();
  });

  it('leaves agents on duty over lunch, then signs everyone out once after close, reason end_of_hours', async () => {
    for (const node of [n.a, n.b]) node.clock.set(sh('2026-11-25', '10:00'));
    const ids = [await userId(n.a, 'window1'), await userId(n.a, 'supply1'), await userId(n.a, 'water1')];
    for (const u of ['window1', 'supply1', 'water1'])
      expect((await (await n.a.as(u)).post('/api/duty/sign-in')).statusCode).toBe(200);
    const at = (time: string) => {
      for (const node of [n.a, n.b]) node.clock.set(sh('2026-11-25', time));
    };
    const sweep = async (node: TestApp) =>
      signOutAtClose(
        node.ctx.db,
        node.clock.now(),
        await node.ctx.workingTime.getCalendar(),
        await node.ctx.workingTime.getHours('live_help'),
      );
    // both job runners tick at once
    const tickBoth = () => Promise.all([n.a.ctx.jobs.tick(), n.b.ctx.jobs.tick()]);
    at('12:00');
    await tickBoth();
    expect(await sweep(n.b)).toBe(0);
    for (const id of ids) expect(await isOnDuty(n.a.ctx.db, id)).toBe(true);
    at('16:31');
    // both nodes sweep at once: directly (PostgreSQL runs them concurrently; SQLite has one writer)
    // and through their job runners, which share one job per minute bucket
    if (isPostgres(n.a.ctx.db)) expect((await Promise.all([sweep(n.a), sweep(n.b)])).reduce((x, y) => x + y)).toBe(3);
    await tickBoth();
    // PostgreSQL: the job did it all. SQLite (two connections in one process, a test-only setup):
    // a sign-out can meet "database is locked" while the other node's consumer writes; the job is
    // then retried later, here at once by the direct sweep. Either way each is signed out once.
    if (isPostgres(n.a.ctx.db)) expect(await sweep(n.b)).toBe(0);
    else await sweep(n.b);
    for (const id of ids) {
      expect(await isOnDuty(n.b.ctx.db, id)).toBe(false);
      const out = await events(n.a, 'duty.signed_out', id);
      expect(out.map((e) => [JSON.parse(e.data).reason, e.actor_id])).toEqual([['end_of_hours', null]]);
    }
    const rows = await n.a.ctx.db.selectFrom('duty_records').selectAll().execute();
    expect(rows.map((r) => [r.sign_out_reason, r.early_minutes, r.signed_out_at])).toEqual(
      ids.map(() => ['end_of_hours', 0, sh('2026-11-25', '16:31')]),
    );
    const jobs = await n.a.ctx.db
      .selectFrom('jobs')
      .select(['id', 'status'])
      .where('name', '=', 'duty.sign_out_at_close')
      .execute();
    // one sweep job per minute bucket (12:00 and 16:31), whichever node ran it
    expect(jobs).toHaveLength(2);
    if (isPostgres(n.a.ctx.db)) expect(jobs.map((j) => j.status)).toEqual(['done', 'done']);
  });
});

describe('the duty sweep during hours', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: sh('2026-11-25', '09:30') });
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs out, during hours, an agent whose sign-in to Bangban ended (idle), and keeps one who is still there', async () => {
    t.clock.set(sh('2026-11-25', '09:30'));
    const gone = await t.as('window1');
    const here = await t.as('supply1');
    const goneId = await userId(t, 'window1');
    const hereId = await userId(t, 'supply1');
    for (const [c, id] of [
      [gone, goneId],
      [here, hereId],
    ] as const)
      if (!(await isOnDuty(t.ctx.db, id))) expect((await c.post('/api/duty/sign-in')).statusCode).toBe(200);
    const sweep = () =>
      t.ctx.workingTime
        .getCalendar()
        .then(async (cal) =>
          signOutAtClose(t.ctx.db, t.clock.now(), cal, await t.ctx.workingTime.getHours('live_help')),
        );
    for (const hhmm of ['12:30', '15:30']) {
      t.clock.set(sh('2026-11-25', hhmm));
      expect((await here.get('/api/duty/me')).statusCode).toBe(200); // supply1 keeps working
    }
    t.clock.set(sh('2026-11-25', '16:10')); // window1 idle for over four hours: the session has ended
    expect(await sweep()).toBe(1);
    expect(await isOnDuty(t.ctx.db, goneId)).toBe(false);
    expect(await isOnDuty(t.ctx.db, hereId)).toBe(true);
    const out = await events(t, 'duty.signed_out', goneId);
    expect(JSON.parse(out.at(-1)!.data).reason).toBe('session_ended');
    expect(await sweep()).toBe(0); // once
  });
});
