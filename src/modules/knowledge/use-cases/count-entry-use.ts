import type { DbOrTrx } from '../../../platform/db/connect.js';

/**
 * The statistics other channels feed back into an entry (SPEC §3.8: how often it is shown, and
 * whether it solved the citizen's problem), written only by the knowledge module; callers pass
 * their transaction so the count commits with their own record of the turn.
 */
export async function countEntryShown(trx: DbOrTrx, entryId: string): Promise<void> {
  await trx
    .updateTable('kb_entries')
    .set((eb) => ({ shown_count: eb('shown_count', '+', 1) }))
    .where('id', '=', entryId)
    .execute();
}

/** Counts a citizen's "solved" / "not solved" against the entry that answered. */
export async function countEntryFeedback(trx: DbOrTrx, entryId: string, solved: boolean): Promise<void> {
  await trx
    .updateTable('kb_entries')
    .set((eb) =>
      solved ? { solved_count: eb('solved_count', '+', 1) } : { unsolved_count: eb('unsolved_count', '+', 1) },
    )
    .where('id', '=', entryId)
    .execute();
}
