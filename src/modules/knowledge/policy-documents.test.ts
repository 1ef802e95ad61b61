import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  subtractWorkingDays,
  workingDayOnOrBefore,
  workingDaysBetween,
} from '../../platform/calendar/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { latePolicies } from './policy-status.js';
import { remindHorizon, remindPolicies } from './jobs/remind-policies.js';

const reminders = (t: TestApp) =>
  t.ctx.db
    .selectFrom('events')
    .select(['subject_id', 'department_id', 'data'])
    .where('type', '=', 'kb.policy_reminder')
    .execute();

describe('policy documents: the 15-working-day rule (art. 15)', () => {
  let t: TestApp;
  let water: TestClient;
  let drain: TestClient;
  let legal: TestClient;
  let waterDept: string;
  const newEntry = async (question: string) =>
    (await water.post('/api/kb/entries', { question, answer: '答复', category: '水利' })).json().id as string;
  const publish = async (id: string) => {
    await water.post(`/api/kb/entries/${id}/submit`);
    await legal.post(`/api/kb/entries/${id}/publish`);
  };
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-09-01T02:00:00Z' });
    [water, drain, legal] = await Promise.all([t.as('water1'), t.as('drain1'), t.as('legal1')]);
    waterDept = (
      await t.ctx.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', 'water-resources')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores publish_by 15 working days before the effective date, across National Day, as the engine computes it', async () => {
    const cal = await t.ctx.workingTime.getCalendar();
    const res = await water.post('/api/kb/policies', {
      title: '取水许可管理办法（修订）',
      docNumber: '沪水务〔2026〕1号',
      effectiveDate: '2026-10-16',
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.publishBy).toBe(workingDayOnOrBefore(cal, subtractWorkingDays(cal, '2026-10-16', 15)));
    expect(p.publishBy).toBe('2026-09-18'); // Friday before the 10-01…10-07 holiday, counting the make-up Sunday 09-20
    expect(workingDaysBetween(cal, p.publishBy, '2026-10-15')).toBe(15);
    expect(addWorkingDays(cal, new Date('2026-09-19T02:00:00Z'), 15).toISOString().slice(0, 10)).toBe('2026-10-15');
    expect(p).toMatchObject({ status: 'upcoming', draftingDepartmentId: waterDept, allPublished: false });
    const moved = (await water.patch(`/api/kb/policies/${p.id}`, { effectiveDate: '2026-10-09' })).json();
    expect(moved.publishBy).toBe(workingDayOnOrBefore(cal, subtractWorkingDays(cal, '2026-10-09', 15)));
    await water.patch(`/api/kb/policies/${p.id}`, { effectiveDate: '2026-10-16' });
    const types = (await t.ctx.db.selectFrom('events').select('type').where('subject_id', '=', p.id).execute()).map(
      (e) => e.type,
    );
    expect(types).toEqual(['kb.policy_created', 'kb.policy_updated', 'kb.policy_updated']);
  });

  it('lets editors register only their own department’s policies', async () => {
    expect(
      (
        await drain.post('/api/kb/policies', {
          title: 'x',
          effectiveDate: '2026-12-01',
          draftingDepartmentId: waterDept,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await legal.post('/api/kb/policies', {
          title: '排水条例实施细则',
          effectiveDate: '2026-12-01',
          draftingDepartmentId: waterDept,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('derives upcoming / due_soon / late / on_time and sends one reminder per policy within 3 working days', async () => {
    const cal = await t.ctx.workingTime.getCalendar();
    const eSoon = await newEntry('节水新规何时实施？');
    const eDone = await newEntry('新版取水许可申请表在哪里下载？');
    await publish(eDone);
    const soon = (
      await water.post('/api/kb/policies', { title: '节水管理办法', effectiveDate: '2026-09-25', entryIds: [eSoon] })
    ).json();
    const late = (
      await water.post('/api/kb/policies', { title: '已过期限的文件', effectiveDate: '2026-09-10' })
    ).json();
    const done = (
      await water.post('/api/kb/policies', { title: '已按时发布', effectiveDate: '2026-10-30', entryIds: [eDone] })
    ).json();
    expect(soon).toMatchObject({
      publishBy: workingDayOnOrBefore(cal, subtractWorkingDays(cal, '2026-09-25', 15)),
      status: 'due_soon',
      workingDaysLeft: 3,
    });
    expect(soon.publishBy).toBe('2026-09-04'); // the make-up workday 09-20 counts; 09-05/06 is a weekend
    expect(late.status).toBe('late');
    expect(done).toMatchObject({ status: 'on_time', allPublished: true });

    await t.ctx.jobs.tick();
    const first = await reminders(t);
    expect(first.map((r) => r.subject_id).sort()).toEqual([soon.id, late.id].sort());
    expect(first.every((r) => r.department_id === waterDept)).toBe(true);
    expect((await water.get(`/api/kb/policies/${soon.id}`)).json().remindedAt).toBeTruthy();

    t.clock.set('2026-09-16T02:00:00Z'); // the 10-16 policy's publish_by (09-18) is now 2 working days away
    await t.ctx.jobs.tick();
    await t.ctx.jobs.tick();
    t.clock.advance(3600_000);
    await t.ctx.jobs.tick();
    const second = await reminders(t);
    expect(second.length).toBe(3);

    [water, legal] = await Promise.all([t.as('water1'), t.as('legal1')]); // sessions expired while the clock moved
    await publish(eSoon); // after its publish_by (09-04): late for good
    const attention = (await legal.get('/api/kb/policies/attention')).json();
    expect(attention.late.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([soon.id, late.id]));
    expect(attention.late.map((x: { id: string }) => x.id)).not.toContain(done.id);
    expect(
      (await water.get(`/api/kb/policies?status=on_time`)).json().items.map((x: { id: string }) => x.id),
    ).toContain(done.id);
    const forReport = await latePolicies(t.ctx.db, t.clock.now(), cal);
    expect(forReport.map((x) => x.doc.id)).toEqual(expect.arrayContaining([soon.id, late.id]));
    expect((await t.as('window1').then((c) => c.get('/api/kb/policies'))).statusCode).toBe(403);
  });

  it('the reminder sweep reads only due, unreminded policies, a batch at a time', async () => {
    t.clock.set('2026-09-16T03:00:00Z');
    [water, legal] = await Promise.all([t.as('water1'), t.as('legal1')]);
    const cal = await t.ctx.workingTime.getCalendar();
    expect(remindHorizon(cal, '2026-09-16')).toBe('2026-09-20'); // Thu, Fri, make-up Sunday: 3 working days
    const ids: string[] = [];
    for (const effectiveDate of ['2026-09-24', '2026-09-25', '2026-09-28', '2026-12-31'])
      ids.push((await water.post('/api/kb/policies', { title: `批量${effectiveDate}`, effectiveDate })).json().id);
    expect(await remindPolicies(t.ctx.db, t.clock.now(), cal, 1)).toBe(3);
    const reminded = (await reminders(t)).map((r) => r.subject_id);
    expect(reminded).toEqual(expect.arrayContaining(ids.slice(0, 3)));
    expect(reminded).not.toContain(ids[3]);
    expect(await remindPolicies(t.ctx.db, t.clock.now(), cal, 1)).toBe(0);
  });
});
