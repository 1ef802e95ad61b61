import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/connect.js';
import type { PhoneCallTable, PhoneFormTable } from '../../platform/db/schema.js';
import { AppError, notFound, type Bilingual } from '../../platform/errors.js';
import type { Principal } from '../../platform/policy/principal.js';
import { phonePolicy } from './phone.policy.js';
import { CALL_MACHINE, FORM_MACHINE } from './transitions.js';

export type CallRow = Selectable<PhoneCallTable>;
export type FormRow = Selectable<PhoneFormTable>;

export async function requireCall(db: DbOrTrx, id: string): Promise<CallRow> {
  const row = await db.selectFrom('phone_calls').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(CALL_MACHINE.subject);
  return row;
}

/** The form if this user may see it; 404 otherwise (another department's form is not there for them). */
export async function readableForm(db: DbOrTrx, p: Principal, id: string): Promise<FormRow> {
  const row = await db.selectFrom('phone_forms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !phonePolicy.readForm(p, { departmentId: row.department_id })) throw notFound(FORM_MACHINE.subject);
  return row;
}

/** An active department to send a form to, or a 400 naming the field. */
export async function requireDepartment(db: DbOrTrx, id: string, field = 'departmentId'): Promise<void> {
  const d = await db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!d)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '请选择有效的承办部门。', en: 'Choose an existing handling department.' },
      { field },
    );
}

/** The matter's owner department, or a 400 when the matter does not exist. */
export async function matterOwner(db: DbOrTrx, matterId: string): Promise<string> {
  const m = await db.selectFrom('matters').select('owner_department_id').where('id', '=', matterId).executeTakeFirst();
  if (!m)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '所选事项不存在。', en: 'The matter does not exist.' },
      { field: 'matterId' },
    );
  return m.owner_department_id;
}

export async function departmentNames(db: DbOrTrx, ids: string[]): Promise<Map<string, Bilingual>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'name_zh', 'name_en'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { zh: r.name_zh, en: r.name_en }]));
}

export async function matterNames(db: DbOrTrx, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('matters').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function userName(db: DbOrTrx, id: string | null): Promise<{ name: string; phone: string | null } | null> {
  if (!id) return null;
  const u = await db.selectFrom('users').select(['display_name', 'phone']).where('id', '=', id).executeTakeFirst();
  return u ? { name: u.display_name, phone: u.phone } : null;
}
