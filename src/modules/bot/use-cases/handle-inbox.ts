import type { Db, DbOrTrx } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { addSimilarQuestions } from '../../knowledge/use-cases/add-similar-questions.js';

async function openTurns(db: DbOrTrx, turnIds: string[]) {
  const rows = await db
    .selectFrom('bot_turns')
    .select(['id', 'question', 'inbox_status'])
    .where('id', 'in', turnIds)
    .execute();
  if (rows.length !== turnIds.length) throw notFound({ zh: '待处理问题', en: 'inbox question' });
  if (rows.some((r) => r.inbox_status !== 'open'))
    throw new AppError('CONFLICT', {
      zh: '部分问题已被其他人处理，请刷新后重试。',
      en: 'Some questions were already handled; reload and retry.',
    });
  return rows;
}

/**
 * Adds unanswered questions to a published entry as similar questions through the knowledge
 * module (its edit rule and review workflow: a working draft submitted for review, never a direct
 * publication), and takes them out of the inbox in the same transaction.
 */
export async function attachToEntry(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  entryId: string,
  turnIds: string[],
): Promise<{ added: string[]; status: 'submitted' }> {
  return db.transaction().execute(async (trx) => {
    const turns = await openTurns(trx, turnIds);
    const res = await addSimilarQuestions(
      trx,
      actor,
      p,
      now,
      entryId,
      turns.map((t) => t.question),
    );
    await trx
      .updateTable('bot_turns')
      .set({
        inbox_status: 'attached',
        inbox_entry_id: entryId,
        inbox_handled_by: p.id,
        inbox_handled_at: now.toISOString(),
      })
      .where('id', 'in', turnIds)
      .where('inbox_status', '=', 'open')
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'bot.inbox_attached',
      subjectType: 'kb_entry',
      subjectId: entryId,
      subjectLabel: turns[0].question.slice(0, 60),
      data: { entryId, turns: turnIds, added: res.added },
    });
    return res;
  });
}

/** Removes questions from the inbox that need no KB change (spam, out of the bureau's remit). */
export async function dismissInbox(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  turnIds: string[],
  reason: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const turns = await openTurns(trx, turnIds);
    await trx
      .updateTable('bot_turns')
      .set({ inbox_status: 'dismissed', inbox_handled_by: p.id, inbox_handled_at: now.toISOString() })
      .where('id', 'in', turnIds)
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'bot.inbox_dismissed',
      subjectType: 'bot_turn',
      subjectId: turnIds[0],
      subjectLabel: turns[0].question.slice(0, 60),
      data: { turns: turnIds, reason },
    });
  });
}
