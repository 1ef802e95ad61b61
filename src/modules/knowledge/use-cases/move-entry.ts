import type { Db } from '../../../platform/db/connect.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { knowledgePolicy } from '../knowledge.policy.js';
import { KB_MACHINE, KB_TRANSITIONS } from '../transitions.js';
import { entryLabel, loadEntryFor } from './entry-support.js';

export type SimpleMove = 'submit' | 'withdraw' | 'return' | 'archive' | 'reopen';

/** The event of each move, with its data of the catalogued shape. */
function eventOf(
  action: SimpleMove,
  d: { code: string; from: string; to: string },
  comment: string | null | undefined,
  liveVersion: number,
) {
  switch (action) {
    case 'submit':
      return { type: 'kb.entry_submitted', data: d } as const;
    case 'withdraw':
      return { type: 'kb.entry_withdrawn', data: d } as const;
    case 'return':
      return { type: 'kb.entry_returned', data: { ...d, comment: comment ?? '' } } as const;
    case 'archive':
      return { type: 'kb.entry_archived', data: { ...d, liveVersion } } as const;
    case 'reopen':
      return { type: 'kb.entry_restored', data: d } as const;
  }
}

/**
 * The workflow moves that change only the status: submit for review, withdraw, return with a
 * comment, archive (the bot stops answering from it: live_version goes to 0) and reopen.
 */
export async function moveEntry(
  db: Db,
  actor: Actor,
  p: Principal,
  now: Date,
  id: string,
  action: SimpleMove,
  comment?: string | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const byReviewer = KB_TRANSITIONS[action].by === 'reviewer';
    const e = await loadEntryFor(
      trx,
      p,
      id,
      byReviewer
        ? knowledgePolicy.reviewEntry
        : (q, x) => knowledgePolicy.editEntry(q, x) || knowledgePolicy.reviewEntry(q, x),
    );
    const ts = now.toISOString();
    await transition(trx, KB_MACHINE, {
      id,
      action,
      actor,
      now,
      row: e,
      comment,
      set: () => ({
        updated_at: ts,
        ...(action === 'submit' ? { submitted_at: ts } : {}),
        ...(action === 'return' ? { review_comment: comment!.trim(), last_reviewed_at: ts } : {}),
        ...(action === 'archive' ? { live_version: 0, last_reviewed_at: ts } : {}),
      }),
      event: (_row, to) => ({
        subjectType: 'kb_entry',
        subjectId: id,
        subjectLabel: entryLabel(e),
        departmentId: e.department_id,
        ...eventOf(action, { code: e.code, from: e.status, to }, comment?.trim(), e.live_version),
      }),
    });
  });
}
