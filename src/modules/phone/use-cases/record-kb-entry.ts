import type { Db } from '../../../platform/db/connect.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { formSubject } from './transfer-form.js';

/**
 * The owner department accepted the KB proposal a closed form made: the form remembers the draft
 * entry it became (no date yet: the entry is not in the knowledge base until it is published).
 * Idempotent: a form keeps its first entry.
 */
export async function linkKbEntry(
  db: Db,
  actor: Actor,
  at: Date,
  proposalId: string,
  entryId: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const f = await trx
      .selectFrom('phone_forms')
      .select(['id', 'number', 'department_id'])
      .where('kb_proposal_id', '=', proposalId)
      .where('kb_entry_id', 'is', null)
      .executeTakeFirst();
    if (!f) return false;
    const res = await trx
      .updateTable('phone_forms')
      .set({ kb_entry_id: entryId, updated_at: at.toISOString() })
      .where('id', '=', f.id)
      .where('kb_entry_id', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await recordEvent(trx, actor, at, {
      type: 'phone.kb_entry_linked',
      ...formSubject(f),
      data: { formId: f.id, number: f.number, entryId },
    });
    return true;
  });
}

/**
 * The entry a form's proposal became is published: that day (Asia/Shanghai) is the form's KB
 * entry date (annex 3: 已更新至知识库，入库日期). Idempotent: a form keeps its first date (a later
 * version of the entry does not move it).
 */
export async function recordKbEntry(db: Db, actor: Actor, at: Date, entryId: string): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const f = await trx
      .selectFrom('phone_forms')
      .select(['id', 'number', 'department_id'])
      .where('kb_entry_id', '=', entryId)
      .where('kb_entry_on', 'is', null)
      .executeTakeFirst();
    if (!f) return null;
    const entryOn = shanghaiDate(at);
    const res = await trx
      .updateTable('phone_forms')
      .set({ kb_entry_on: entryOn, updated_at: at.toISOString() })
      .where('id', '=', f.id)
      .where('kb_entry_on', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return null;
    await recordEvent(trx, actor, at, {
      type: 'phone.kb_entry_recorded',
      ...formSubject(f),
      data: { formId: f.id, number: f.number, entryId, entryOn },
    });
    return entryOn;
  });
}
