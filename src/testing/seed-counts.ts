// Used by the seed tests on both databases (seed-concurrency*.test.ts).
import fs from 'node:fs';
import { expect } from 'vitest';
import { buildApp } from '../app.js';
import { fixedClock } from '../platform/clock.js';
import { connectDatabase, type Db } from '../platform/db/connect.js';
import { createTestDb } from './test-db.js';
import { testConfig } from './test-app.js';
import { DEFAULT_DEPARTMENTS } from '../modules/org/seed/departments.js';
import { DEMO_ACCOUNTS } from '../modules/org/seed/demo-accounts.js';
import { defaultTerms } from '../modules/knowledge/default-terms.js';
import { CHANNELS } from '../modules/calendar/calendar.schemas.js';
import { DEFAULT_CANNED_REPLIES, DEFAULT_PHRASES } from '../modules/conduct/seed/seed-conduct.js';

const count = async (
  db: Db,
  table:
    | 'departments'
    | 'matters'
    | 'users'
    | 'user_roles'
    | 'kb_terms'
    | 'kb_entries'
    | 'conduct_phrases'
    | 'conduct_canned_replies',
) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const lines = (rel: string) =>
  fs
    .readFileSync(new URL(rel, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;

/** Starts two nodes on one fresh database, together or one after the other, and checks every seed is there once. */
export async function startTwoAndCount(together: boolean): Promise<void> {
  const { dictionary, synonyms } = defaultTerms();
  const matters = JSON.parse(
    fs.readFileSync(new URL('../modules/org/seed/matters.json', import.meta.url), 'utf8'),
  ) as unknown[];
  const shared = await createTestDb(undefined, { shared: true });
  const second = connectDatabase(shared.url);
  const clock = fixedClock('2026-11-25T02:00:00Z');
  const start = (db: Db) => buildApp({ config: testConfig(), clock, db });
  try {
    const nodes = together
      ? await Promise.all([start(shared.db), start(second)])
      : [await start(shared.db), await start(second)];
    await Promise.all(nodes.map((n) => n.app.close()));
    const db = shared.db;
    expect(await count(db, 'departments')).toBe(DEFAULT_DEPARTMENTS.length);
    expect(await count(db, 'matters')).toBe(matters.length);
    expect(await count(db, 'users')).toBe(DEMO_ACCOUNTS.length);
    expect(await count(db, 'user_roles')).toBe(DEMO_ACCOUNTS.reduce((n, a) => n + a.roles.length, 0));
    expect(await count(db, 'kb_terms')).toBe(new Set(dictionary).size + new Set(synonyms).size);
    expect(await count(db, 'kb_entries')).toBe(lines('../modules/knowledge/demo/demo-kb.jsonl'));
    expect(await count(db, 'conduct_phrases')).toBe(DEFAULT_PHRASES.length);
    expect(await count(db, 'conduct_canned_replies')).toBe(DEFAULT_CANNED_REPLIES.length);
    expect((await db.selectFrom('users').select('work_number').execute()).map((u) => u.work_number).sort()).toEqual(
      DEMO_ACCOUNTS.map((a) => a.workNumber).sort(),
    );
    const hours = await db.selectFrom('service_hours').select('channel').execute();
    expect(hours.length).toBe(CHANNELS.length);
    const seeded = await db
      .selectFrom('events')
      .select('type')
      .where('type', 'in', [
        'org.seeded',
        'org.demo_accounts_seeded',
        'calendar.preloaded',
        'kb.demo_seeded',
        'conduct.phrases_seeded',
      ])
      .execute();
    expect(seeded.map((e) => e.type).sort()).toEqual([
      'calendar.preloaded',
      'conduct.phrases_seeded',
      'kb.demo_seeded',
      'org.demo_accounts_seeded',
      'org.seeded',
    ]);
  } finally {
    await second.destroy();
    await shared.drop();
  }
}
