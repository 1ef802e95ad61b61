import type { Db } from '../../../platform/db/connect.js';
import { notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { knowledgePolicy } from '../knowledge.policy.js';
import { findVersion } from '../knowledge.repo.js';
import type { KbStatus } from '../knowledge.schemas.js';
import { nextStatus } from '../transitions.js';
import { assertUpdated, loadEntryFor, entryLabel } from './entry-support.js';

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
    const to = nextStatus(e.status as KbStatus, 'restore_version');
    const res = await trx
      .updateTable('kb_entries')
      .set({
        question: v.question,
        similar: v.similar,
        answer: v.answer,
        matter_id: v.matter_id,
        category: v.category,
        tags: v.tags,
        valid_from: v.valid_from,
        valid_until: v.valid_until,
        status: to,
        updated_by: actor.userId,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', e.status)
      .executeTakeFirst();
    assertUpdated(res);
    await recordEvent(trx, actor, now, {
      type: 'kb.entry_restored',
      subjectType: 'kb_entry',
      subjectId: id,
      subjectLabel: entryLabel({ code: e.code, question: v.question }),
      departmentId: e.department_id,
      data: { code: e.code, fromVersion: version, from: e.status, to },
    });
  });
}
