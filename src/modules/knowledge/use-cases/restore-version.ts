import type { Db } from '../../../platform/db/connect.js';
import { notFound } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { knowledgePolicy } from '../knowledge.policy.js';
import { findVersion } from '../knowledge.repo.js';
import { KB_MACHINE } from '../transitions.js';
import { loadEntryFor, entryLabel } from './entry-support.js';

/**
 * Brings an old published version back as the working draft (to undo a bad change); it still
 * has to be submitted and published again, so the live answer changes only after review.
 */
export async function restoreVersion(
  db: Db,
  actor: Actor,
  p: Principal,
  now: Date,
  id: string,
  version: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const e = await loadEntryFor(trx, p, id, knowledgePolicy.editEntry);
    const v = await findVersion(trx, id, version);
    if (!v) throw notFound({ zh: '版本', en: 'version' });
    await transition(trx, KB_MACHINE, {
      id,
      action: 'restore_version',
      actor,
      now,
      row: e,
      set: () => ({
        question: v.question,
        similar: v.similar,
        answer: v.answer,
        matter_id: v.matter_id,
        category: v.category,
        tags: v.tags,
        valid_from: v.valid_from,
        valid_until: v.valid_until,
        updated_by: actor.userId,
        updated_at: now.toISOString(),
      }),
      event: (_row, to) => ({
        type: 'kb.entry_restored',
        subjectType: 'kb_entry',
        subjectId: id,
        subjectLabel: entryLabel({ code: e.code, question: v.question }),
        departmentId: e.department_id,
        data: { code: e.code, fromVersion: version, from: e.status, to },
      }),
    });
  });
}
