import type { Db, Trx } from '../../../platform/db/connect.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { knowledgePolicy } from '../knowledge.policy.js';
import type { EntryRow } from '../knowledge.repo.js';
import type { KbStatus } from '../knowledge.schemas.js';
import { KB_MACHINE, nextStatus } from '../transitions.js';
import { loadEntryFor, entryLabel } from './entry-support.js';

type Snapshot = Pick<
  EntryRow,
  | 'id'
  | 'question'
  | 'similar'
  | 'answer'
  | 'matter_id'
  | 'category'
  | 'tags'
  | 'valid_from'
  | 'valid_until'
  | 'updated_by'
>;

/** The next version number of an entry (versions survive archiving, so it is max + 1, not live + 1). */
export async function nextVersion(trx: Trx, entryId: string): Promise<number> {
  const row = await trx
    .selectFrom('kb_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('entry_id', '=', entryId)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

/** The whole working copy as an immutable kb_versions row: what the bot answers from. */
export function versionRow(e: Snapshot, version: number, reviewerId: string | null, now: Date, note: string | null) {
  return {
    entry_id: e.id,
    version,
    question: e.question,
    similar: e.similar,
    answer: e.answer,
    matter_id: e.matter_id,
    category: e.category,
    tags: e.tags,
    valid_from: e.valid_from,
    valid_until: e.valid_until,
    author_id: e.updated_by,
    reviewer_id: reviewerId,
    published_at: now.toISOString(),
    note,
  };
}

/**
 * A KB reviewer publishes a submitted entry: a new whole-snapshot version becomes live and the
 * `kb.entry_published` event (subject = entry id) tells every node's bot index to reload it.
 */
export async function publishEntry(
  db: Db,
  actor: Actor,
  p: Principal,
  now: Date,
  id: string,
  note?: string | null,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const e = await loadEntryFor(trx, p, id, knowledgePolicy.reviewEntry);
    nextStatus(e.status as KbStatus, 'publish');
    const version = await nextVersion(trx, id);
    const ts = now.toISOString();
    await trx
      .insertInto('kb_versions')
      .values(versionRow(e, version, actor.userId, now, note ?? null))
      .execute();
    await transition(trx, KB_MACHINE, {
      id,
      action: 'publish',
      actor,
      now,
      row: e,
      set: () => ({ live_version: version, review_comment: null, last_reviewed_at: ts, updated_at: ts }),
      event: (_row, to) => ({
        type: 'kb.entry_published',
        subjectType: 'kb_entry',
        subjectId: id,
        subjectLabel: entryLabel(e),
        departmentId: e.department_id,
        data: { code: e.code, version, previousVersion: e.live_version, from: e.status, to },
      }),
    });
    return version;
  });
}
