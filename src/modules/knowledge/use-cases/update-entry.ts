import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { knowledgePolicy } from '../knowledge.policy.js';
import type { KbStatus, TUpdateEntry } from '../knowledge.schemas.js';
import { sanitizeAnswer } from '../sanitize-answer.js';
import { KB_MACHINE, nextStatus } from '../transitions.js';
import { checkDepartment, loadEntryFor, resolveMatter, entryLabel } from './entry-support.js';

/**
 * An editor changes the working copy. A published entry gets a working draft while its live
 * version keeps answering citizens (live_version is untouched until the next publication).
 */
export async function updateEntry(
  db: Db,
  actor: Actor,
  p: Principal,
  now: Date,
  id: string,
  input: TUpdateEntry,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const e = await loadEntryFor(trx, p, id, knowledgePolicy.editEntry);
    nextStatus(e.status as KbStatus, 'edit'); // fail before any other check
    const matter = input.matterId === undefined ? undefined : await resolveMatter(trx, input.matterId);
    const departmentId = input.departmentId ?? e.department_id;
    if (departmentId !== e.department_id) {
      if (!knowledgePolicy.ownDepartment(p, departmentId))
        throw new AppError('FORBIDDEN', {
          zh: '不能把条目移交给其他部门。',
          en: 'You may not move the entry to another department.',
        });
      await checkDepartment(trx, departmentId);
    }
    const validFrom = input.validFrom === undefined ? e.valid_from : input.validFrom;
    const validUntil = input.validUntil === undefined ? e.valid_until : input.validUntil;
    if (validFrom && validUntil && validFrom > validUntil) {
      throw new AppError(
        'VALIDATION_FAILED',
        { zh: '失效日期不能早于生效日期。', en: 'validUntil must not be before validFrom.' },
        { field: 'validUntil' },
      );
    }
    await transition(trx, KB_MACHINE, {
      id,
      action: 'edit',
      actor,
      now,
      row: e,
      set: () => ({
        question: input.question ?? e.question,
        similar: input.similar ? JSON.stringify(input.similar) : e.similar,
        answer: input.answer !== undefined ? sanitizeAnswer(input.answer) : e.answer,
        matter_id: matter === undefined ? e.matter_id : (matter?.id ?? null),
        category: input.category ?? e.category,
        department_id: departmentId,
        tags: input.tags ? JSON.stringify(input.tags) : e.tags,
        valid_from: validFrom,
        valid_until: validUntil,
        updated_by: actor.userId,
        updated_at: now.toISOString(),
      }),
      event: (_row, to) => ({
        type: 'kb.entry_updated',
        subjectType: 'kb_entry',
        subjectId: id,
        subjectLabel: entryLabel({ code: e.code, question: input.question ?? e.question }),
        departmentId,
        data: { code: e.code, fields: Object.keys(input), from: e.status, to },
      }),
    });
  });
}
