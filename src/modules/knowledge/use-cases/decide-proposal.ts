import type { Db } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { inKbScope, knowledgePolicy } from '../knowledge.policy.js';
import { requireAnswer } from '../sanitize-answer.js';
import { newEntryCode, entryLabel } from './entry-support.js';

const PROPOSAL = { zh: '知识库建议', en: 'KB proposal' };

/**
 * The owner department's editor accepts a proposal (a draft entry is created, prefilled with the
 * question and answer, and linked) or rejects it with a note. Each proposal is decided once.
 */
export async function decideProposal(
  db: Db,
  actor: Actor,
  p: Principal,
  now: Date,
  id: string,
  decision: { accept: true } | { accept: false; note: string },
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const x = await trx.selectFrom('kb_proposals').selectAll().where('id', '=', id).executeTakeFirst();
    if (!x || !inKbScope(p, x.department_id)) throw notFound(PROPOSAL);
    if (!knowledgePolicy.decideProposals(p) && !knowledgePolicy.review(p)) throw new AppError('FORBIDDEN');
    if (x.status !== 'open')
      throw new AppError('INVALID_TRANSITION', { zh: '该建议已处理。', en: 'This proposal has already been decided.' });
    const ts = now.toISOString();
    let entryId: string | null = null;
    if (decision.accept) {
      entryId = newId();
      const matter = x.matter_id
        ? await trx.selectFrom('matters').select('category').where('id', '=', x.matter_id).executeTakeFirst()
        : undefined;
      const code = await newEntryCode(trx);
      await trx
        .insertInto('kb_entries')
        .values({
          id: entryId,
          code,
          question: x.question,
          similar: '[]',
          answer: requireAnswer(x.answer),
          matter_id: x.matter_id,
          category: matter?.category ?? '其它',
          department_id: x.department_id,
          tags: '[]',
          valid_from: null,
          valid_until: null,
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
        subjectId: entryId,
        subjectLabel: entryLabel({ code, question: x.question }),
        departmentId: x.department_id,
        data: { code, fromProposal: id },
      });
    }
    const res = await trx
      .updateTable('kb_proposals')
      .set({
        status: decision.accept ? 'accepted' : 'rejected',
        entry_id: entryId,
        decided_by: actor.userId,
        decided_at: ts,
        decision_note: decision.accept ? null : decision.note,
      })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
    const subject = {
      subjectType: 'kb_proposal',
      subjectId: id,
      subjectLabel: x.question,
      departmentId: x.department_id,
    };
    await recordEvent(
      trx,
      actor,
      now,
      decision.accept
        ? { ...subject, type: 'kb.proposal_accepted', data: { entryId } }
        : { ...subject, type: 'kb.proposal_rejected', data: { note: decision.note } },
    );
    return entryId;
  });
}
