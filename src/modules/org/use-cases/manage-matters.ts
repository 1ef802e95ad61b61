import type { z } from 'zod';
import type { Db, DbOrTrx } from '../../../platform/db/connect.js';
import { isUniqueViolation } from '../../../platform/db/constraint.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import type { TCreateMatter, ZUpdateMatter } from '../org.schemas.js';

const MATTER = { zh: '事项', en: 'matter' };

async function checkOwner(db: DbOrTrx, departmentId: string): Promise<void> {
  const d = await db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!d)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '主办部门不存在或已停用。', en: 'The owner department does not exist or is inactive.' },
      { field: 'ownerDepartmentId' },
    );
}

/** The legal division adds a matter to the catalogue (seed art. 4). */
export async function createMatter(db: Db, actor: Actor, now: Date, input: TCreateMatter): Promise<string> {
  const id = newId();
  try {
    await db.transaction().execute(async (trx) => {
      await checkOwner(trx, input.ownerDepartmentId);
      await trx
        .insertInto('matters')
        .values({
          id,
          code: input.code,
          name: input.name,
          kind: input.kind,
          owner_department_id: input.ownerDepartmentId,
          live_help: input.liveHelp ? 1 : 0,
          guide_url: input.guideUrl ?? null,
          category: input.category,
          active: 1,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      await recordEvent(trx, actor, now, {
        type: 'matter.created',
        subjectType: 'matter',
        subjectId: id,
        subjectLabel: `${input.code} ${input.name}`,
        departmentId: input.ownerDepartmentId,
        data: { ...input },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('DUPLICATE', {
        zh: `事项编码“${input.code}”已存在。`,
        en: `Matter code "${input.code}" exists.`,
      });
    throw err;
  }
  return id;
}

/** Edits a matter: name, kind, owner department, live-help scope, guide link, or retires it. */
export async function updateMatter(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  input: z.infer<typeof ZUpdateMatter>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const m = await trx.selectFrom('matters').selectAll().where('id', '=', id).executeTakeFirst();
    if (!m) throw notFound(MATTER);
    if (input.ownerDepartmentId) await checkOwner(trx, input.ownerDepartmentId);
    await trx
      .updateTable('matters')
      .set({
        name: input.name ?? m.name,
        kind: input.kind ?? m.kind,
        owner_department_id: input.ownerDepartmentId ?? m.owner_department_id,
        live_help: input.liveHelp === undefined ? m.live_help : input.liveHelp ? 1 : 0,
        guide_url: input.guideUrl === undefined ? m.guide_url : input.guideUrl,
        category: input.category ?? m.category,
        active: input.active === undefined ? m.active : input.active ? 1 : 0,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'matter.updated',
      subjectType: 'matter',
      subjectId: id,
      subjectLabel: `${m.code} ${input.name ?? m.name}`,
      departmentId: input.ownerDepartmentId ?? m.owner_department_id,
      data: { changes: input },
    });
  });
}
