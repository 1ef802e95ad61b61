import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, testDbKind, type TestDb } from '../../testing/test-db.js';
import { migrateToLatest } from './migrate.js';

describe(`migrations on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.drop();
  });

  it('bring an empty database up to date, then do nothing the second time', async () => {
    const applied = await migrateToLatest(t.db);
    expect(applied).toContain('001-foundation');
    expect(await migrateToLatest(t.db)).toEqual([]);
    const tables = await t.db.introspection.getTables();
    const names = tables.map((x) => x.name);
    for (const table of [
      'departments',
      'users',
      'user_roles',
      'sessions',
      'matters',
      'calendar_days',
      'service_hours',
      'events',
      'jobs',
      'idempotency_keys',
      'settings',
    ]) {
      expect(names).toContain(table);
    }
  });

  it('gives events increasing integer ids on both engines', async () => {
    const now = new Date('2026-11-01T00:00:00Z').toISOString();
    for (const type of ['a', 'b']) {
      await t.db
        .insertInto('events')
        .values({
          type,
          actor_id: null,
          actor_label: null,
          subject_type: null,
          subject_id: null,
          department_id: null,
          data: '{}',
          ip: null,
          request_id: null,
          created_at: now,
          created_on: '2026-11-01',
        })
        .execute();
    }
    const rows = await t.db.selectFrom('events').select(['id', 'type']).orderBy('id').execute();
    expect(rows.map((r) => r.type)).toEqual(['a', 'b']);
    expect(Number(rows[1].id)).toBeGreaterThan(Number(rows[0].id));
  });

  it('enforces unique usernames', async () => {
    const now = new Date().toISOString();
    const user = {
      username: 'dup',
      display_name: 'x',
      password_hash: 'h',
      department_id: null,
      phone: null,
      status: 'active',
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    };
    await t.db
      .insertInto('users')
      .values({ id: 'u1', ...user })
      .execute();
    await expect(
      t.db
        .insertInto('users')
        .values({ id: 'u2', ...user })
        .execute(),
    ).rejects.toThrow();
    const n = await sql<{ n: number }>`select count(*) as n from users`.execute(t.db);
    expect(Number(n.rows[0].n)).toBe(1);
  });
});
