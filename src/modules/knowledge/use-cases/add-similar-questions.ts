import type { Trx } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import { knowledgePolicy } from '../knowledge.policy.js';
import { KB_MACHINE } from '../transitions.js';
import { entryLabel, loadEntryFor } from './entry-support.js';

/**
 * Other channels (the bot's unanswered inbox) add citizens' phrasings to a published entry as
 * similar questions. Like any edit of a published entry this makes the working draft (the edit
 * rule of the workflow) and submits it for review: the live version keeps answering until a
 * reviewer publishes. Runs in the caller's transaction so the caller's own bookkeeping commits
 * with it. An entry already under review refuses (409): attach after the review.
 */
export async function addSimilarQuestions(
  trx: Trx,
  actor: Actor,
  p: Principal,
  now: Date,
  entryId: string,
  questions: string[],
): Promise<{ added: string[]; status: 'submitted' }> {
  const e = await loadEntryFor(
    trx,
    p,
    entryId,
    (q, x) => knowledgePolicy.editEntry(q, x) || knowledgePolicy.reviewEntry(q, x),
  );
  if (e.live_version === 0 || e.status === 'archived') {
    throw new AppError('INVALID_TRANSITION', {
      zh: '只能把问题追加到已发布的条目。',
      en: 'Questions can only be attached to a published entry.',
    });
  }
  const similar = JSON.parse(e.similar) as string[];
  const known = new Set([e.question, ...similar].map((q) => q.trim()));
  const added = [...new Set(questions.map((q) => q.trim().slice(0, 200)))].filter((q) => q && !known.has(q));
  const ts = now.toISOString();
  const label = entryLabel(e);
  await transition(trx, KB_MACHINE, {
    id: entryId,
    action: 'edit',
    actor,
    now,
    row: e,
    set: () => ({ similar: JSON.stringify([...similar, ...added]), updated_by: actor.userId, updated_at: ts }),
    event: (_r, to) => ({
      type: 'kb.entry_updated',
      subjectType: 'kb_entry',
      subjectId: entryId,
      subjectLabel: label,
      departmentId: e.department_id,
      data: { code: e.code, fields: ['similar'], from: e.status, to, reason: 'similar_questions_attached' },
    }),
  });
  await transition(trx, KB_MACHINE, {
    id: entryId,
    action: 'submit',
    actor,
    now,
    set: () => ({ submitted_at: ts, updated_at: ts }),
    event: (r, to) => ({
      type: 'kb.entry_submitted',
      subjectType: 'kb_entry',
      subjectId: entryId,
      subjectLabel: label,
      departmentId: e.department_id,
      data: { code: e.code, from: r.status, to },
    }),
  });
  return { added, status: 'submitted' };
}
