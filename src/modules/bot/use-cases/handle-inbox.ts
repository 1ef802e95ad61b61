import type { Db, DbOrTrx } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { hasRole, type Principal } from '../../../platform/policy/principal.js';
import { inScope, userScope } from '../../org/org.policy.js';
import { nextVersion } from '../../knowledge/use-cases/publish-entry.js';

const ENTRY = { zh: '知识条目', en: 'knowledge entry' };

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
 * Adds unanswered questions to a live entry as similar questions and publishes that at once as a
 * new version: similar phrasings widen what the bot recognises without changing the approved
 * reply wording (答复口径), which is what the review step guards. The editor must own the entry's
 * department (reviewers and administrators may attach anywhere).
 */
export async function attachToEntry(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  entryId: string,
  turnIds: string[],
): Promise<{ version: number; added: string[] }> {
  return db.transaction().execute(async (trx) => {
    const entry = await trx.selectFrom('kb_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
    if (!entry || !(hasRole(p, 'kb_reviewer', 'admin') || inScope(userScope(p), entry.department_id)))
      throw notFound(ENTRY);
    if (entry.live_version === 0 || entry.status === 'archived') {
      throw new AppError('INVALID_TRANSITION', {
        zh: '只能把问题追加到已发布的条目。',
        en: 'Questions can only be attached to a published entry.',
      });
    }
    const turns = await openTurns(trx, turnIds);
    const live = await trx
      .selectFrom('kb_versions')
      .selectAll()
      .where('entry_id', '=', entryId)
      .where('version', '=', entry.live_version)
      .executeTakeFirstOrThrow();
    const known = new Set([live.question, ...(JSON.parse(live.similar) as string[])].map((q) => q.trim()));
    const added = [...new Set(turns.map((t) => t.question.trim().slice(0, 200)))].filter((q) => q && !known.has(q));
    const version = await nextVersion(trx, entryId);
    const similar = JSON.stringify([...(JSON.parse(live.similar) as string[]), ...added]);
    await trx
      .insertInto('kb_versions')
      .values({
        ...live,
        version,
        similar,
        author_id: p.id,
        reviewer_id: null,
        published_at: now.toISOString(),
        note: '从未解答问题追加相似问法',
      })
      .execute();
    const working =
      entry.status === 'published' ? similar : JSON.stringify([...(JSON.parse(entry.similar) as string[]), ...added]);
    await trx
      .updateTable('kb_entries')
      .set({ live_version: version, similar: working, updated_at: now.toISOString(), updated_by: p.id })
      .where('id', '=', entryId)
      .execute();
    await trx
      .updateTable('bot_turns')
      .set({
        inbox_status: 'attached',
        inbox_entry_id: entryId,
        inbox_handled_by: p.id,
        inbox_handled_at: now.toISOString(),
      })
      .where('id', 'in', turnIds)
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'kb.entry_published',
      subjectType: 'kb_entry',
      subjectId: entryId,
      subjectLabel: `${entry.code} ${entry.question.slice(0, 60)}`,
      departmentId: entry.department_id,
      data: { code: entry.code, version, previousVersion: entry.live_version },
    });
    await recordEvent(trx, actor, now, {
      type: 'bot.inbox_attached',
      subjectType: 'kb_entry',
      subjectId: entryId,
      subjectLabel: `${entry.code} ${entry.question.slice(0, 60)}`,
      departmentId: entry.department_id,
      data: { entryId, turns: turnIds, added },
    });
    return { version, added };
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
