import type { Db } from '../../platform/db/connect.js';
import type { ForbiddenPhrase } from './phrase-checker.js';

/** Each process's copy of the forbidden-phrase list, per database handle (each node has its own). */
const cache = new WeakMap<Db, Promise<ForbiddenPhrase[]>>();

/** The forbidden phrases, loaded once per process and kept until a conduct.phrase_* event drops them. */
export function forbiddenPhrases(db: Db): Promise<ForbiddenPhrase[]> {
  let list = cache.get(db);
  if (!list) {
    list = db
      .selectFrom('conduct_phrases')
      .select(['phrase', 'suggestion'])
      .orderBy('phrase')
      .execute()
      .catch((err: unknown) => {
        // a failed load is tried again on the next message, never kept
        cache.delete(db);
        throw err;
      });
    cache.set(db, list);
  }
  return list;
}

/** Drops this process's copy; called on conduct.phrase_* events from any node (and after a local edit). */
export function invalidateForbiddenPhrases(db: Db): void {
  cache.delete(db);
}
