import type { Db, Trx } from '../../../platform/db/connect.js';
import type { HolidayCalendar } from '../../../platform/calendar/index.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { knowledgePolicy } from '../knowledge.policy.js';
import type { TPolicyDocument, TUpdatePolicyDocument } from '../knowledge.schemas.js';
import { publishByFor } from '../policy-status.js';
import { checkDepartment } from './entry-support.js';

const POLICY = { zh: '政策文件', en: 'policy document' };

async function checkScope(trx: Trx, p: Principal, departmentId: string) {
  if (!knowledgePolicy.ownDepartment(p, departmentId))
    throw new AppError('FORBIDDEN', {
      zh: '只能登记本部门起草的政策文件。',
      en: 'You may only register policies drafted by your department.',
    });
  await checkDepartment(trx, departmentId);
}

/** Links Q&A entries; a user may link only entries they can read (not another department's draft). */
async function linkEntries(trx: Trx, p: Principal, policyId: string, entryIds: string[]) {
  const ids = [...new Set(entryIds)];
  if (ids.length) {
    const found = await trx
      .selectFrom('kb_entries')
      .select(['id', 'department_id', 'live_version', 'status'])
      .where('id', 'in', ids)
      .execute();
    if (found.length !== ids.length || !found.every((e) => knowledgePolicy.readEntry(p, e)))
      throw new AppError(
        'VALIDATION_FAILED',
        { zh: '关联的知识条目不存在。', en: 'A linked entry does not exist.' },
        { field: 'entryIds' },
      );
  }
  await trx.deleteFrom('policy_entries').where('policy_id', '=', policyId).execute();
  if (ids.length)
    await trx
      .insertInto('policy_entries')
      .values(ids.map((entry_id) => ({ policy_id: policyId, entry_id })))
      .execute();
}

/** Registers a policy document and stores its publish-by date (15 working days before it takes effect, art. 15). */
export async function createPolicyDocument(
  db: Db,
  actor: Actor,
  p: Principal,
  now: Date,
  cal: HolidayCalendar,
  input: TPolicyDocument,
): Promise<string> {
  const id = newId();
  const departmentId = input.draftingDepartmentId ?? p.departmentId;
  if (!departmentId)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '请选择起草部门。', en: 'Choose the drafting department.' },
      { field: 'draftingDepartmentId' },
    );
  const publishBy = publishByFor(cal, input.effectiveDate);
  await db.transaction().execute(async (trx) => {
    await checkScope(trx, p, departmentId);
    await trx
      .insertInto('policy_documents')
      .values({
        id,
        title: input.title,
        doc_number: input.docNumber ?? null,
        drafting_department_id: departmentId,
        effective_date: input.effectiveDate,
        publish_by: publishBy,
        reminded_at: null,
        created_by: actor.userId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await linkEntries(trx, p, id, input.entryIds);
    await recordEvent(trx, actor, now, {
      type: 'kb.policy_created',
      subjectType: 'policy_document',
      subjectId: id,
      subjectLabel: input.title,
      departmentId,
      data: { title: input.title, effectiveDate: input.effectiveDate, publishBy, entryIds: input.entryIds },
    });
  });
  return id;
}

/** Edits a policy document; a new effective date recomputes publish-by and re-arms the reminder. */
export async function updatePolicyDocument(
  db: Db,
  actor: Actor,
  p: Principal,
  now: Date,
  cal: HolidayCalendar,
  id: string,
  input: TUpdatePolicyDocument,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const d = await trx.selectFrom('policy_documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d) throw notFound(POLICY);
    await checkScope(trx, p, d.drafting_department_id);
    const departmentId = input.draftingDepartmentId ?? d.drafting_department_id;
    if (departmentId !== d.drafting_department_id) await checkScope(trx, p, departmentId);
    const moved = input.effectiveDate !== undefined && input.effectiveDate !== d.effective_date;
    const publishBy = moved ? publishByFor(cal, input.effectiveDate!) : d.publish_by;
    await trx
      .updateTable('policy_documents')
      .set({
        title: input.title ?? d.title,
        doc_number: input.docNumber === undefined ? d.doc_number : input.docNumber,
        drafting_department_id: departmentId,
        effective_date: input.effectiveDate ?? d.effective_date,
        publish_by: publishBy,
        reminded_at: moved ? null : d.reminded_at,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    if (input.entryIds) await linkEntries(trx, p, id, input.entryIds);
    await recordEvent(trx, actor, now, {
      type: 'kb.policy_updated',
      subjectType: 'policy_document',
      subjectId: id,
      subjectLabel: input.title ?? d.title,
      departmentId,
      data: { changes: input, publishBy },
    });
  });
}
