import type { Db } from '../../../platform/db/connect.js';
import { notFound } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { authorize } from '../../../platform/policy/authorize.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import { botPolicy } from '../bot.policy.js';
import { LEARNED_MACHINE } from '../learned-questions.js';

const SUBJECT = { zh: '相似问法建议', en: 'proposed similar question' };

/**
 * The owning department's editor accepts a question citizens confirmed (one click: the bot matches
 * with it at once, on every node, through the `bot.learned_accepted` event) or rejects it.
 * Outside the editor's department the proposal does not exist for them (404).
 */
export async function decideLearnedQuestion(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  accept: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('bot_learned_questions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !botPolicy.seeLearned(p, row)) throw notFound(SUBJECT);
    authorize(p, botPolicy.decideLearned, row);
    await transition(trx, LEARNED_MACHINE, {
      id,
      action: accept ? 'accept' : 'reject',
      actor,
      now,
      row: row as typeof row & { status: 'proposed' },
      set: () => ({ decided_by: p.id, decided_at: now.toISOString() }),
      event: (r, to) => ({
        type: accept ? 'bot.learned_accepted' : 'bot.learned_rejected',
        subjectType: 'bot_learned_question',
        subjectId: id,
        subjectLabel: id,
        departmentId: r.department_id,
        data: { entryId: r.entry_id, from: r.status, to },
      }),
    });
  });
}
