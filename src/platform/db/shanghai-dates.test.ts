import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, testDbKind, type TestDb } from '../../testing/test-db.js';
import { recordEvent, SYSTEM_ACTOR, type EventInput } from '../events/record-event.js';
import { migrateToLatest } from './migrate.js';
import { backfillCreatedOn } from './migrations/004-event-delivery-jobs.js';

describe(`Shanghai-local dates for reports on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await migrateToLatest(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('counts per Shanghai month, not per UTC month, around month ends', async () => {
    const instants = [
      '2026-10-31T15:59:59Z', // 23:59:59 on 31 Oct in Shanghai
      '2026-10-31T16:00:00Z', // 00:00 on 1 Nov in Shanghai
      '2026-10-31T16:30:00Z',
      '2026-11-30T15:59:00Z',
      '2026-11-30T16:00:00Z', // 1 Dec in Shanghai
    ];
    for (const at of instants)
      await recordEvent(t.db, SYSTEM_ACTOR, new Date(at), {
        type: 'report.sample',
        subjectId: at,
      } as unknown as EventInput);
    const month = sql<string>`substr(created_on, 1, 7)`;
    const rows = await t.db
      .selectFrom('events')
      .select([month.as('month'), (eb) => eb.fn.countAll().as('n')])
      .where('type', '=', 'report.sample')
      .groupBy(month)
      .orderBy(month)
      .execute();
    expect(rows.map((r) => [r.month, Number(r.n)])).toEqual([
      ['2026-10', 1],
      ['2026-11', 3],
      ['2026-12', 1],
    ]);
    const oneDay = await t.db
      .selectFrom('events')
      .select('subject_id')
      .where('created_on', '=', '2026-11-01')
      .where('type', '=', 'report.sample')
      .orderBy('id')
      .execute();
    expect(oneDay.map((r) => r.subject_id)).toEqual(['2026-10-31T16:00:00Z', '2026-10-31T16:30:00Z']);
  });

  it('the migration fills created_on of rows written before the column existed', async () => {
    for (const [id, at] of [
      ['s1', '2026-12-31T15:59:00.000Z'],
      ['s2', '2026-12-31T16:00:00.000Z'],
    ])
      await sql`insert into bot_sessions (id, token_hash, channel, created_at, last_at, turns)
                values (${id}, ${`h-${id}`}, 'portal', ${at}, ${at}, 0)`.execute(t.db);
    expect(await backfillCreatedOn(t.db, 'bot_sessions', 1)).toBe(2);
    const rows = await t.db.selectFrom('bot_sessions').select(['id', 'created_on']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 's1', created_on: '2026-12-31' },
      { id: 's2', created_on: '2027-01-01' },
    ]);
  });
});
