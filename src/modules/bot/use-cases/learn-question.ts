import type { DbOrTrx } from '../../../platform/db/connect.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { basicNormalise } from '../matcher/normalise.js';
import type { LiveEntry } from '../bot-index.js';

/** Longer phrasings are messages, not questions; digit runs may be a phone or ID number. */
const MAX_LEARNED = 80;
const PERSONAL_DATA = /\d{6,}|[a-z0-9._%+-]+@[a-z0-9.-]+/i;

/** Whether a citizen's question may become a similar question of `entry` (new, short, no personal data). */
export function learnable(question: string, entry: Pick<LiveEntry, 'question' | 'similar' | 'learned'>): boolean {
  const q = question.trim();
  if (q.length < 2 || q.length > MAX_LEARNED || PERSONAL_DATA.test(q) || q.startsWith('（选择）')) return false;
  const key = basicNormalise(q).replace(/\s+/g, '');
  return ![entry.question, ...entry.similar, ...entry.learned].some(
    (k) => basicNormalise(k).replace(/\s+/g, '') === key,
  );
}

/**
 * A citizen confirmed a suggestion (opened it and marked it solved): the question they typed
 * becomes a proposed similar question of that entry, for the owning department's editor to accept.
 * Nothing changes in what the bot matches until then. The same question confirmed again counts
 * one more citizen. Runs in the caller's transaction.
 */
export async function proposeLearnedQuestion(
  trx: DbOrTrx,
  actor: Actor,
  now: Date,
  entry: LiveEntry,
  question: string,
  turnId: string,
): Promise<void> {
  if (!learnable(question, entry)) return;
  const q = question.trim();
  await trx
    .insertInto('bot_learned_questions')
    .values({
      id: newId(),
      entry_id: entry.id,
      department_id: entry.departmentId,
      question: q,
      turn_id: turnId,
      citizens: 1,
      status: 'proposed',
      created_at: now.toISOString(),
      decided_by: null,
      decided_at: null,
    })
    .onConflict((oc) =>
      oc
        .columns(['entry_id', 'question'])
        .doUpdateSet((eb) => ({ citizens: eb('bot_learned_questions.citizens', '+', 1) })),
    )
    .execute();
  const row = await trx
    .selectFrom('bot_learned_questions')
    .select(['id', 'citizens'])
    .where('entry_id', '=', entry.id)
    .where('question', '=', q)
    .executeTakeFirstOrThrow();
  await recordEvent(trx, actor, now, {
    type: 'bot.question_learned',
    subjectType: 'bot_learned_question',
    subjectId: row.id,
    subjectLabel: entry.code,
    departmentId: entry.departmentId,
    data: { entryId: entry.id, learnedId: row.id, citizens: Number(row.citizens) },
  });
}
