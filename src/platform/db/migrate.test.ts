import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, testDbKind, type TestDb } from '../../testing/test-db.js';
import { migrateToLatest } from './migrate.js';
import * as m007 from './migrations/007-generic-guide-links.js';

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

describe(`migration 007 on ${testDbKind()}`, () => {
  it('clears the generic portal link every seeded matter had as its guide, and keeps real ones', async () => {
    const t = await createTestDb();
    try {
      await migrateToLatest(t.db);
      await t.db
        .insertInto('departments')
        .values({
          id: 'd1',
          code: 'supply-test',
          name_zh: '供水处',
          name_en: 'Water Supply',
          kind: 'owner',
          active: 1,
          sort_order: 0,
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
        })
        .execute();
      const matter = (id: string, guide: string | null) => ({
        id,
        code: id,
        name: id,
        kind: '公共服务事项',
        owner_department_id: 'd1',
        live_help: 1,
        guide_url: guide,
        category: '供水',
        active: 1,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      });
      await t.db
        .insertInto('matters')
        .values([
          matter('m-generic', 'https://zwdt.sh.gov.cn/govPortals/index.do'),
          matter('m-own', 'https://example.gov.cn/guide/123'),
        ])
        .execute();
      await m007.up(t.db);
      const rows = await t.db.selectFrom('matters').select(['id', 'guide_url']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 'm-generic', guide_url: null },
        { id: 'm-own', guide_url: 'https://example.gov.cn/guide/123' },
      ]);
    } finally {
      await t.drop();
    }
  });
});
