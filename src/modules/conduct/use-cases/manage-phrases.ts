import type { Db } from '../../../platform/db/connect.js';
import { isUniqueViolation } from '../../../platform/db/constraint.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import type { TPhraseInput } from '../conduct.schemas.js';

export const PHRASE = { zh: '服务禁语', en: 'forbidden phrase' };

function duplicate(phrase: string): AppError {
  return new AppError(
    'DUPLICATE',
    { zh: `禁语“${phrase}”已在列表中。`, en: `"${phrase}" is already on the list.` },
    { field: 'phrase' },
  );
}

async function guard<T>(phrase: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(phrase);
    throw err;
  }
}

/** The supervisor adds a forbidden phrase with its suggested wording; every node reloads its list. */
export async function addPhrase(db: Db, actor: Actor, now: Date, input: TPhraseInput): Promise<string> {
  const id = newId();
  await guard(input.phrase, () =>
    db.transaction().execute(async (trx) => {
      await trx
        .insertInto('conduct_phrases')
        .values({ id, ...input, created_at: now.toISOString(), updated_at: now.toISOString() })
        .execute();
      await recordEvent(trx, actor, now, {
        type: 'conduct.phrase_added',
        subjectType: 'conduct_phrase',
        subjectId: id,
        subjectLabel: input.phrase,
        data: input,
      });
    }),
  );
  return id;
}

/** Changes a phrase or its suggested wording. */
export async function updatePhrase(db: Db, actor: Actor, now: Date, id: string, input: TPhraseInput): Promise<void> {
  await guard(input.phrase, () =>
    db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('conduct_phrases')
        .set({ ...input, updated_at: now.toISOString() })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw notFound(PHRASE);
      await recordEvent(trx, actor, now, {
        type: 'conduct.phrase_updated',
        subjectType: 'conduct_phrase',
        subjectId: id,
        subjectLabel: input.phrase,
        data: input,
      });
    }),
  );
}

/** Takes a phrase off the list (its past counts stay in the statistics). */
export async function removePhrase(db: Db, actor: Actor, now: Date, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('conduct_phrases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(PHRASE);
    await trx.deleteFrom('conduct_phrases').where('id', '=', id).execute();
    await recordEvent(trx, actor, now, {
      type: 'conduct.phrase_removed',
      subjectType: 'conduct_phrase',
      subjectId: id,
      subjectLabel: row.phrase,
      data: { phrase: row.phrase, suggestion: row.suggestion },
    });
  });
}
