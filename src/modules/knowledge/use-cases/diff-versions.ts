import { diffChars, diffWords, type Change } from 'diff';
import type { Db } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { findVersion, type EntryRow } from '../knowledge.repo.js';
import { answerText } from '../sanitize-answer.js';

export interface Segment {
  value: string;
  added: boolean;
  removed: boolean;
}
type Side = { question: string; similar: string; answer: string; category: string; tags: string };

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const list = (json: string) => {
  try {
    return (JSON.parse(json) as string[]).join('\n');
  } catch {
    return json;
  }
};
const seg = (changes: Change[]): Segment[] =>
  changes.map((c) => ({ value: c.value, added: !!c.added, removed: !!c.removed }));

/**
 * A readable comparison of two versions of an entry, field by field, as added/removed/unchanged
 * segments: reviewers see exactly what an editor changed before publishing it.
 */
export function diffContents(a: Side, b: Side) {
  return {
    question: seg(diffChars(a.question, b.question)),
    similar: seg(diffChars(list(a.similar), list(b.similar))),
    answer: seg(diffWords(answerText(a.answer), answerText(b.answer), { intlSegmenter: segmenter })),
    category: seg(diffChars(a.category, b.category)),
    tags: seg(diffChars(list(a.tags), list(b.tags))),
  };
}

/** Loads the two sides (a published version, or `working` = the current working copy) and diffs them. */
export async function diffVersions(db: Db, entry: EntryRow, from: number, to: number | 'working') {
  const a = await findVersion(db, entry.id, from);
  const b = to === 'working' ? entry : await findVersion(db, entry.id, to);
  if (!a || !b) throw notFound({ zh: '版本', en: 'version' });
  if (to !== 'working' && to === from)
    throw new AppError('VALIDATION_FAILED', { zh: '请选择两个不同的版本。', en: 'Choose two different versions.' });
  const fields = diffContents(a, b);
  const changed = Object.entries(fields)
    .filter(([, s]) => s.some((x) => x.added || x.removed))
    .map(([k]) => k);
  return { from, to, changed, fields };
}
