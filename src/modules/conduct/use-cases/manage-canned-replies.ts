import type { Db, DbOrTrx } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import type { DepartmentScope } from '../../org/org.policy.js';
import type { TCannedReply } from '../../../contracts/conduct.js';
import type { TCannedReplyInput } from '../conduct.schemas.js';

export const CANNED_REPLY = { zh: '常用语', en: 'canned reply' };

/**
 * The canned replies a user sees: an agent the shared ones and their own department's; editors
 * with every department in scope all of them (or one department's, or 'global' for the shared).
 */
export async function listCannedReplies(
  db: DbOrTrx,
  scope: DepartmentScope,
  filter: { departmentId?: string } = {},
): Promise<TCannedReply[]> {
  let q = db
    .selectFrom('conduct_canned_replies')
    .leftJoin('departments', 'departments.id', 'conduct_canned_replies.department_id')
    .select([
      'conduct_canned_replies.id',
      'conduct_canned_replies.title',
      'conduct_canned_replies.text',
      'conduct_canned_replies.department_id',
      'conduct_canned_replies.sort_order',
      'departments.name_zh',
    ]);
  if (!scope.all) {
    const dept = scope.departmentId;
    q = q.where((eb) =>
      dept
        ? eb.or([
            eb('conduct_canned_replies.department_id', 'is', null),
            eb('conduct_canned_replies.department_id', '=', dept),
          ])
        : eb('conduct_canned_replies.department_id', 'is', null),
    );
  } else if (filter.departmentId === 'global') q = q.where('conduct_canned_replies.department_id', 'is', null);
  else if (filter.departmentId) q = q.where('conduct_canned_replies.department_id', '=', filter.departmentId);
  const rows = await q
    .orderBy('conduct_canned_replies.sort_order')
    .orderBy('conduct_canned_replies.title')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    text: r.text,
    departmentId: r.department_id,
    departmentName: r.name_zh,
    sortOrder: r.sort_order,
  }));
}

async function checkDepartment(db: DbOrTrx, departmentId: string | null): Promise<void> {
  if (!departmentId) return;
  const d = await db.selectFrom('departments').select('id').where('id', '=', departmentId).executeTakeFirst();
  if (!d)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '所选部门不存在。', en: 'The chosen department does not exist.' },
      { field: 'departmentId' },
    );
}

/** The supervisor adds a canned reply for every department or for one. */
export async function addCannedReply(db: Db, actor: Actor, now: Date, input: TCannedReplyInput): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await checkDepartment(trx, input.departmentId);
    await trx
      .insertInto('conduct_canned_replies')
      .values({
        id,
        title: input.title,
        text: input.text,
        department_id: input.departmentId,
        sort_order: input.sortOrder,
        created_by: actor.userId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'conduct.canned_reply_added',
      subjectType: 'canned_reply',
      subjectId: id,
      subjectLabel: input.title,
      departmentId: input.departmentId,
      data: { title: input.title, departmentId: input.departmentId },
    });
  });
  return id;
}

/** Changes a canned reply's title, text, department or order. */
export async function updateCannedReply(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  input: TCannedReplyInput,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await checkDepartment(trx, input.departmentId);
    const res = await trx
      .updateTable('conduct_canned_replies')
      .set({
        title: input.title,
        text: input.text,
        department_id: input.departmentId,
        sort_order: input.sortOrder,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw notFound(CANNED_REPLY);
    await recordEvent(trx, actor, now, {
      type: 'conduct.canned_reply_updated',
      subjectType: 'canned_reply',
      subjectId: id,
      subjectLabel: input.title,
      departmentId: input.departmentId,
      data: { title: input.title, departmentId: input.departmentId },
    });
  });
}

/** Removes a canned reply. */
export async function removeCannedReply(db: Db, actor: Actor, now: Date, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('conduct_canned_replies').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(CANNED_REPLY);
    await trx.deleteFrom('conduct_canned_replies').where('id', '=', id).execute();
    await recordEvent(trx, actor, now, {
      type: 'conduct.canned_reply_removed',
      subjectType: 'canned_reply',
      subjectId: id,
      subjectLabel: row.title,
      departmentId: row.department_id,
      data: { title: row.title, departmentId: row.department_id },
    });
  });
}
