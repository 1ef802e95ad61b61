import type { Db, Trx } from '../../../platform/db/connect.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { findForbiddenPhrases } from '../phrase-checker.js';
import { forbiddenPhrases } from '../phrase-list.js';

/**
 * Checks a staff message before it is sent (seed art. 7: no impolite words, no passing the buck):
 * the forbidden phrases it contains, each with the wording to use instead; empty = fine. Reads the
 * process's cached list, which every node refreshes on conduct.* events.
 */
export async function screenStaffMessage(db: Db, text: string): Promise<{ phrase: string; suggestion: string }[]> {
  return findForbiddenPhrases(await forbiddenPhrases(db), text).map(({ phrase, suggestion }) => ({
    phrase,
    suggestion,
  }));
}

/**
 * Records that an agent was warned about forbidden phrases in a message of a service (a live
 * chat …): one count per phrase for the supervisor's statistics and a `conduct.phrase_warned`
 * event, in the caller's transaction. The message text is never stored.
 */
export async function recordPhraseWarning(
  trx: Trx,
  actor: Actor,
  now: Date,
  input: { channel: 'live_help'; subjectType: string; subjectId: string; phrases: string[] },
): Promise<void> {
  const phrases = [...new Set(input.phrases)];
  if (phrases.length === 0) return;
  await trx
    .insertInto('conduct_warnings')
    .values(
      phrases.map((phrase) => ({
        id: newId(),
        phrase,
        channel: input.channel,
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        user_id: actor.userId,
        created_at: now.toISOString(),
        created_on: shanghaiDate(now),
      })),
    )
    .execute();
  await recordEvent(trx, actor, now, {
    type: 'conduct.phrase_warned',
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    data: { channel: input.channel, phrases },
  });
}
