import type { Db } from '../../../platform/db/connect.js';
import { isUniqueViolation } from '../../../platform/db/constraint.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';

const TERM = { zh: '词条', en: 'term' };
const bad = (zh: string, en: string) => new AppError('VALIDATION_FAILED', { zh, en }, { field: 'value' });

/**
 * Normalises and checks one line of the matcher's dictionary ('term [freq] [tag]') or a synonym
 * group ('canonical other …', at least two words); a bad line would silently hurt the bot.
 */
export function normaliseTerm(kind: string, value: string): string {
  const words = value.trim().split(/\s+/).filter(Boolean);
  if (!words.length) throw bad('内容不能为空。', 'The value must not be empty.');
  if (words.some((w) => w.length > 50)) throw bad('单个词不能超过 50 个字。', 'A word must be at most 50 characters.');
  if (kind === 'dictionary') {
    if (words.length > 3) throw bad('词典行格式为“词 [词频] [词性]”。', "A dictionary line is 'term [freq] [tag]'.");
    if (words[1] !== undefined && !/^\d{1,9}$/.test(words[1]))
      throw bad('词频必须是正整数。', 'The frequency must be a positive integer.');
    if (words[2] !== undefined && !/^[a-zA-Z]{1,10}$/.test(words[2]))
      throw bad('词性必须是字母（如 n、v）。', 'The tag must be letters (e.g. n, v).');
  } else {
    if (words.length < 2)
      throw bad(
        '同义词组至少需要两个词，第一个为标准词。',
        'A synonym group needs at least two words; the first is canonical.',
      );
    if (words.length > 50) throw bad('同义词组最多 50 个词。', 'A synonym group has at most 50 words.');
    if (new Set(words).size !== words.length) throw bad('同义词组内有重复的词。', 'A synonym group repeats a word.');
  }
  return words.join(' ');
}

async function checkDuplicate(db: Db, kind: string, value: string, exceptId?: string) {
  const head = value.split(' ')[0];
  const rows = await db
    .selectFrom('kb_terms')
    .select(['id', 'value'])
    .where('kind', '=', kind)
    .where('value', 'like', `${head.replace(/[%_\\]/g, '')}%`)
    .execute();
  if (rows.some((r) => r.id !== exceptId && r.value.split(' ')[0] === head)) {
    throw new AppError('DUPLICATE', { zh: `“${head}”已存在。`, en: `"${head}" already exists.` });
  }
}

/** KB reviewers add a dictionary line or synonym group; `kb.terms_updated` makes every node rebuild the bot's index. */
export async function addTerm(db: Db, actor: Actor, now: Date, kind: string, raw: string): Promise<string> {
  const value = normaliseTerm(kind, raw);
  await checkDuplicate(db, kind, value);
  const id = newId();
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('kb_terms').values({ id, kind, value, updated_at: now.toISOString() }).execute();
      await recordEvent(trx, actor, now, {
        type: 'kb.terms_updated',
        subjectType: 'kb_term',
        subjectId: id,
        subjectLabel: value.slice(0, 60),
        data: { action: 'added', kind, value },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('DUPLICATE', { zh: '该词条已存在。', en: 'This line already exists.' });
    throw err;
  }
  return id;
}

/** Edits or deletes (value = null) a dictionary line or synonym group. */
export async function changeTerm(db: Db, actor: Actor, now: Date, id: string, raw: string | null): Promise<void> {
  const t = await db.selectFrom('kb_terms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw notFound(TERM);
  const value = raw === null ? null : normaliseTerm(t.kind, raw);
  if (value) await checkDuplicate(db, t.kind, value, id);
  try {
    await db.transaction().execute(async (trx) => {
      if (value === null) await trx.deleteFrom('kb_terms').where('id', '=', id).execute();
      else
        await trx.updateTable('kb_terms').set({ value, updated_at: now.toISOString() }).where('id', '=', id).execute();
      await recordEvent(trx, actor, now, {
        type: 'kb.terms_updated',
        subjectType: 'kb_term',
        subjectId: id,
        subjectLabel: (value ?? t.value).slice(0, 60),
        data: { action: value === null ? 'deleted' : 'updated', kind: t.kind, from: t.value, value },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('DUPLICATE', { zh: '该词条已存在。', en: 'This line already exists.' });
    throw err;
  }
}
