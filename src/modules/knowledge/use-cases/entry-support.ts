import { AppError, notFound } from '../../../platform/errors.js';
import type { Trx } from '../../../platform/db/connect.js';
import { nextCounter } from '../../../platform/db/counters.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { knowledgePolicy } from '../knowledge.policy.js';
import { findEntry, type EntryRow } from '../knowledge.repo.js';

export const ENTRY = { zh: '知识条目', en: 'knowledge entry' };

/**
 * Loads an entry inside the command's transaction and applies the policy: 404 when the user may
 * not even see it (another department's draft), 403 when they see it but may not do this.
 */
export async function loadEntryFor(
  trx: Trx,
  p: Principal,
  id: string,
  may: (p: Principal, e: EntryRow) => boolean,
): Promise<EntryRow> {
  const e = await findEntry(trx, id);
  if (!e || !knowledgePolicy.readEntry(p, e)) throw notFound(ENTRY);
  if (!may(p, e)) throw new AppError('FORBIDDEN');
  return e;
}

/** Checks a matter id and returns its owner department and category (entries default to them). */
export async function resolveMatter(trx: Trx, matterId: string | null | undefined) {
  if (!matterId) return null;
  const m = await trx
    .selectFrom('matters')
    .select(['id', 'owner_department_id', 'category'])
    .where('id', '=', matterId)
    .executeTakeFirst();
  if (!m)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '所选事项不存在。', en: 'The matter does not exist.' },
      { field: 'matterId' },
    );
  return m;
}

/** Checks that a department exists and is active. */
export async function checkDepartment(trx: Trx, departmentId: string): Promise<void> {
  const d = await trx
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!d)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '主办部门不存在或已停用。', en: 'The owner department does not exist or is inactive.' },
      { field: 'departmentId' },
    );
}

/** The one format of the KB's own entry codes: `kb-` and six digits (`kb-000191`). */
export function kbCode(n: number): string {
  return `kb-${String(n).padStart(6, '0')}`;
}

/** A fresh external code like `kb-000191`, skipping numbers already used by imported codes. */
export async function newEntryCode(trx: Trx): Promise<string> {
  for (;;) {
    const code = kbCode(await nextCounter(trx, 'kb-entry'));
    const taken = await trx.selectFrom('kb_entries').select('id').where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}

/** How the audit trail names an entry: its code and the start of its question. */
export function entryLabel(e: { code: string; question: string }): string {
  return `${e.code} ${e.question.slice(0, 60)}`;
}
