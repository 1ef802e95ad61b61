import type { Db } from '../../../platform/db/connect.js';
import { isUniqueViolation } from '../../../platform/db/constraint.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { knowledgePolicy } from '../knowledge.policy.js';
import type { TCreateEntry } from '../knowledge.schemas.js';
import { sanitizeAnswer } from '../sanitize-answer.js';
import { checkDepartment, newEntryCode, resolveMatter, entryLabel } from './entry-support.js';

/**
 * A KB editor writes a new Q&A for their department (or a reviewer for any); it starts as a
 * draft that nobody outside the department sees until the legal division publishes it.
 */
export async function createEntry(db: Db, actor: Actor, p: Principal, now: Date, input: TCreateEntry): Promise<string> {
  const id = newId();
  const ts = now.toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      const matter = await resolveMatter(trx, input.matterId);
      const departmentId = input.departmentId ?? matter?.owner_department_id ?? p.departmentId;
      if (!departmentId)
        throw new AppError(
          'VALIDATION_FAILED',
          { zh: '请选择主办部门。', en: 'Choose the owner department.' },
          { field: 'departmentId' },
        );
      if (!knowledgePolicy.ownDepartment(p, departmentId)) {
        throw new AppError('FORBIDDEN', {
          zh: '只能为本部门新建知识条目。',
          en: 'You may only create entries for your own department.',
        });
      }
      await checkDepartment(trx, departmentId);
      const code = input.code ?? (await newEntryCode(trx));
      await trx
        .insertInto('kb_entries')
        .values({
          id,
          code,
          question: input.question,
          similar: JSON.stringify(input.similar),
          answer: sanitizeAnswer(input.answer),
          matter_id: matter?.id ?? null,
          category: input.category,
          department_id: departmentId,
          tags: JSON.stringify(input.tags),
          valid_from: input.validFrom ?? null,
          valid_until: input.validUntil ?? null,
          status: 'draft',
          live_version: 0,
          review_comment: null,
          created_by: actor.userId,
          updated_by: actor.userId,
          created_at: ts,
          updated_at: ts,
          submitted_at: null,
          last_reviewed_at: null,
          shown_count: 0,
          solved_count: 0,
          unsolved_count: 0,
        })
        .execute();
      await recordEvent(trx, actor, now, {
        type: 'kb.entry_created',
        subjectType: 'kb_entry',
        subjectId: id,
        subjectLabel: entryLabel({ code, question: input.question }),
        departmentId,
        data: { code, question: input.question },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('DUPLICATE', { zh: `编号“${input.code}”已存在。`, en: `Code "${input.code}" exists.` });
    throw err;
  }
  return id;
}
