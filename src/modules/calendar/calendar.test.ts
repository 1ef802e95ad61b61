import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('working-time calendar administration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('preloads 2025 and 2026 from the maintained package, with names and make-up days', async () => {
    const admin = await t.as('admin');
    const years = (await admin.get('/api/calendar/years')).json();
    expect(years.covered).toEqual([2025, 2026]);
    const days = (await admin.get('/api/calendar/days?year=2026')).json().days;
    expect(days.find((d: { date: string }) => d.date === '2026-10-01')).toMatchObject({
      kind: 'holiday',
      name: '国庆节',
      source: 'preloaded',
    });
    expect(days.find((d: { date: string }) => d.date === '2026-10-10')).toMatchObject({ kind: 'workday', weekday: 6 });
  });

  it('warns administrators from 1 October that next year is missing, and only them', async () => {
    const admin = await t.as('admin');
    const w = (await admin.get('/api/calendar/years')).json().warnings;
    expect(w.map((x: { code: string }) => x.code)).toContain('CALENDAR_NEXT_YEAR_MISSING');
    expect(w[0].year).toBe(2027);
    expect((await (await t.as('window1')).get('/api/calendar/years')).json().warnings).toEqual([]);
  });

  it('imports next year in one piece: bad rows reject the whole import, good ones clear the warning', async () => {
    const admin = await t.as('admin');
    const bad = await admin.post('/api/calendar/import', {
      year: 2027,
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-03', kind: 'workday' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('2027-02-03');
    expect((await admin.get('/api/calendar/days?year=2027')).json().days).toEqual([]);
    const wrongYear = await admin.post('/api/calendar/import', {
      year: 2027,
      days: [{ date: '2028-01-01', kind: 'holiday' }],
    });
    expect(wrongYear.statusCode).toBe(400);
    const ok = await admin.post('/api/calendar/import', {
      year: 2027,
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-06', kind: 'workday', name: '春节' },
      ],
    });
    expect(ok.json()).toEqual({ imported: 2, recomputed: 0 });
    expect((await admin.get('/api/calendar/years')).json().warnings).toEqual([]);
    const ev = await t.ctx.db.selectFrom('events').selectAll().where('type', '=', 'calendar.year_imported').execute();
    expect(ev).toHaveLength(1);
  });

  it('sets and removes a single day; the engine sees it at once', async () => {
    const admin = await t.as('admin');
    // Friday 2026-11-27 16:00 Beijing: 1 working day → Monday 30 Nov 17:00
    const before = (await admin.get('/api/calendar/deadline?from=2026-11-27T16:00:00%2B08:00&workingDays=1')).json();
    expect(before.due).toBe('2026-11-30T09:00:00.000Z');
    expect((await admin.put('/api/calendar/days/2026-11-30', { kind: 'holiday', name: '临时休息' })).statusCode).toBe(
      200,
    );
    const after = (await admin.get('/api/calendar/deadline?from=2026-11-27T16:00:00%2B08:00&workingDays=1')).json();
    expect(after.due).toBe('2026-12-01T09:00:00.000Z');
    expect((await admin.delete('/api/calendar/days/2026-11-30')).statusCode).toBe(200);
    expect((await admin.delete('/api/calendar/days/2026-11-30')).statusCode).toBe(404);
    const workdayOnTuesday = await admin.put('/api/calendar/days/2026-12-01', { kind: 'workday' });
    expect(workdayOnTuesday.statusCode).toBe(400);
    const invalidDate = await admin.put('/api/calendar/days/2026-02-30', { kind: 'holiday' });
    expect(invalidDate.statusCode).toBe(400);
    const types = (
      await t.ctx.db.selectFrom('events').select('type').where('subject_type', '=', 'calendar_day').execute()
    ).map((e) => e.type);
    expect(types).toEqual(['calendar.day_set', 'calendar.day_removed']);
  });

  it('computes a live-help 1-minute deadline across the lunch break', async () => {
    const admin = await t.as('admin');
    const res = (
      await admin.get('/api/calendar/deadline?from=2026-11-25T11:29:30%2B08:00&workingMinutes=1&channel=live_help')
    ).json();
    expect(res.due).toBe('2026-11-25T05:30:30.000Z');
    expect((await admin.get('/api/calendar/deadline?from=2026-11-25T11:29:30%2B08:00')).statusCode).toBe(400);
  });

  it('edits service hours with validation, and the public status follows', async () => {
    const admin = await t.as('admin');
    const overlap = await admin.put('/api/service-hours/live_help', {
      periods: [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
      ],
    });
    expect(overlap.statusCode).toBe(400);
    expect(
      (await admin.put('/api/service-hours/nope', { periods: [{ start: '09:00', end: '10:00' }] })).statusCode,
    ).toBe(400);
    t.clock.set('2026-11-25T08:45:00Z'); // Wednesday 16:45 Beijing: live help closed, hall open
    let status = (await t.client().get('/api/public/service-status')).json();
    expect(status.channels.live_help.open).toBe(false);
    expect(status.channels.offline_hall.open).toBe(true);
    expect(status.channels.live_help.nextOpening).toBe('2026-11-26T01:00:00.000Z');
    const admin2 = await t.as('admin'); // the earlier session has idled out after the clock moved
    expect(
      (
        await admin2.put('/api/service-hours/live_help', {
          periods: [
            { start: '09:00', end: '11:30' },
            { start: '13:30', end: '17:00' },
          ],
        })
      ).statusCode,
    ).toBe(200);
    status = (await t.client().get('/api/public/service-status')).json();
    expect(status.channels.live_help.open).toBe(true);
    const hours = (await t.client().get('/api/service-hours')).json().items;
    expect(hours.find((h: { channel: string }) => h.channel === 'live_help').periods[1].end).toBe('17:00');
  });
});
