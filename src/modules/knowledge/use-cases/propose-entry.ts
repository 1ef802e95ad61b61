import type { DbOrTrx } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import type { TProposal } from '../knowledge.schemas.js';
import { requireAnswer } from '../sanitize-answer.js';

/**
 * An effective live-help or phone answer flows back as a KB proposal for the owner department
 * (the matter's owner when a matter is given). Other modules call this inside their own
 * transaction (pass `trx`), or with the database handle.
 */
export async function proposeKbEntry(db: DbOrTrx, actor: Actor, now: Date, input: TProposal): Promise<string> {
  const id = newId();
  const write = async (trx: DbOrTrx) => {
    let departmentId = input.departmentId ?? null;
    if (input.matterId) {
      const m = await trx
        .selectFrom('matters')
        .select('owner_department_id')
        .where('id', '=', input.matterId)
        .executeTakeFirst();
      if (!m)
        throw new AppError(
          'VALIDATION_FAILED',
          { zh: '所选事项不存在。', en: 'The matter does not exist.' },
          { field: 'matterId' },
        );
      departmentId = m.owner_department_id;
    }
    if (!departmentId)
      throw new AppError(
        'VALIDATION_FAILED',
        { zh: '请选择事项或主办部门。', en: 'Choose a matter or an owner department.' },
        { field: 'departmentId' },
      );
    const d = await trx.selectFrom('departments').select('id').where('id', '=', departmentId).executeTakeFirst();
    if (!d)
      throw new AppError(
        'VALIDATION_FAILED',
        { zh: '主办部门不存在。', en: 'The department does not exist.' },
        { field: 'departmentId' },
      );
    await trx
      .insertInto('kb_proposals')
      .values({
        id,
        source: input.source,
        source_ref: input.sourceRef ?? null,
        question: input.question,
        answer: requireAnswer(input.answer),
        department_id: departmentId,
        matter_id: input.matterId ?? null,
        status: 'open',
        entry_id: null,
        created_by: actor.userId,
        created_at: now.toISOString(),
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'kb.proposal_created',
      subjectType: 'kb_proposal',
      subjectId: id,
      subjectLabel: input.question,
      departmentId,
      data: { source: input.source, question: input.question },
    });
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return id;
}
