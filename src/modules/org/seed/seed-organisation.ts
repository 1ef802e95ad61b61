import fs from 'node:fs';
import type { Db, DbOrTrx } from '../../../platform/db/connect.js';
import { newId } from '../../../platform/ids.js';
import { takeSeedLock } from '../../../platform/db/seed-lock.js';
import { hashPassword } from '../../../platform/auth/passwords.js';
import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import { DEFAULT_DEPARTMENTS } from './departments.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';

interface MatterSeed {
  code: string;
  name: string;
  kind: string;
  ownerDepartment: string;
  liveHelp: boolean;
  guideUrl: string | null;
  category: string;
}

function loadMatters(): MatterSeed[] {
  return JSON.parse(fs.readFileSync(new URL('./matters.json', import.meta.url), 'utf8'));
}

/**
 * Creates the default departments and matter catalogue when missing (never overwrites edits),
 * and in demo mode the demo accounts. Safe to run at every start and from several nodes.
 */
export async function seedOrganisation(db: Db, now: Date, opts: { demo: boolean }): Promise<void> {
  const ts = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await takeSeedLock(trx);
    const existing = await trx.selectFrom('departments').select('id').limit(1).execute();
    if (existing.length) return;
    for (const [i, d] of DEFAULT_DEPARTMENTS.entries()) {
      await trx
        .insertInto('departments')
        .values({
          id: newId(),
          code: d.code,
          name_zh: d.nameZh,
          name_en: d.nameEn,
          kind: d.kind,
          active: 1,
          sort_order: i * 10,
          created_at: ts,
          updated_at: ts,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    const depts = new Map(
      (await trx.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.code, d.id]),
    );
    for (const m of loadMatters()) {
      const owner = depts.get(m.ownerDepartment);
      if (!owner) throw new Error(`matters.json: unknown department ${m.ownerDepartment}`);
      await trx
        .insertInto('matters')
        .values({
          id: newId(),
          code: m.code,
          name: m.name,
          kind: m.kind,
          owner_department_id: owner,
          live_help: m.liveHelp ? 1 : 0,
          guide_url: m.guideUrl,
          category: m.category,
          active: 1,
          created_at: ts,
          updated_at: ts,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    await recordEvent(trx, SYSTEM_ACTOR, now, {
      type: 'org.seeded',
      data: { departments: DEFAULT_DEPARTMENTS.length },
    });
  });
  if (opts.demo) {
    await seedDemoAccounts(db, now);
    await backfillDemoWorkNumbers(db);
  }
}

/** Demo accounts seeded before work numbers existed get theirs (only where unset and not taken). */
async function backfillDemoWorkNumbers(db: Db): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    await db
      .updateTable('users')
      .set({ work_number: a.workNumber })
      .where('username', '=', a.username)
      .where('work_number', 'is', null)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('users as u2').select('u2.id').where('u2.work_number', '=', a.workNumber))),
      )
      .execute();
  }
}

async function seedDemoAccounts(db: Db, now: Date): Promise<void> {
  // checked before hashing (the usual restart), and again under the seed lock
  const seeded = (q: DbOrTrx) =>
    q.selectFrom('users').select('id').where('username', '=', DEMO_ACCOUNTS[0].username).executeTakeFirst();
  if (await seeded(db)) return;
  const hash = await hashPassword(DEMO_PASSWORD);
  const ts = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await takeSeedLock(trx);
    if (await seeded(trx)) return;
    const depts = new Map(
      (await trx.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.code, d.id]),
    );
    for (const a of DEMO_ACCOUNTS) {
      const id = newId();
      const inserted = await trx
        .insertInto('users')
        .values({
          id,
          username: a.username,
          display_name: a.displayName,
          password_hash: hash,
          department_id: depts.get(a.department) ?? null,
          phone: null,
          work_number: a.workNumber,
          status: 'active',
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          created_at: ts,
          updated_at: ts,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      await trx
        .insertInto('user_roles')
        .values(a.roles.map((role) => ({ user_id: id, role })))
        .execute();
    }
    await recordEvent(trx, SYSTEM_ACTOR, now, {
      type: 'org.demo_accounts_seeded',
      data: { count: DEMO_ACCOUNTS.length },
    });
  });
}
