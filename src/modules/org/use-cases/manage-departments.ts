import type { z } from 'zod';
import type { Db } from '../../../platform/db/connect.js';
import { isUniqueViolation } from '../../../platform/db/constraint.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import type { ZCreateDepartment, ZUpdateDepartment } from '../org.schemas.js';

const DEPT = { zh: '部门', en: 'department' };

/** Adds a department (owner departments are configurable per bureau). */
export async function createDepartment(
  db: Db,
  actor: Actor,
  now: Date,
  input: z.infer<typeof ZCreateDepartment>,
): Promise<string> {
  const id = newId();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('departments')
        .values({
          id,
          code: input.code,
          name_zh: input.nameZh,
          name_en: input.nameEn,
          kind: input.kind,
          active: 1,
          sort_order: input.sortOrder ?? 100,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      await recordEvent(trx, actor, now, {
        type: 'department.created',
        subjectType: 'department',
        subjectId: id,
        subjectLabel: input.nameZh,
        departmentId: id,
        data: { ...input },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('DUPLICATE', {
        zh: `部门代码“${input.code}”已存在。`,
        en: `Department code "${input.code}" exists.`,
      });
    throw err;
  }
  return id;
}

/** Renames, re-kinds or (de)activates a department; one with active users cannot be deactivated. */
export async function updateDepartment(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  input: z.infer<typeof ZUpdateDepartment>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const dept = await trx.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!dept) throw notFound(DEPT);
    if (input.active === false && dept.active === 1) {
      const users = await trx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('department_id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      if (Number(users.n) > 0) {
        throw new AppError('CONFLICT', {
          zh: `该部门仍有 ${users.n} 个启用的账号，请先调整后再停用。`,
          en: `The department still has ${users.n} active accounts.`,
        });
      }
    }
    await trx
      .updateTable('departments')
      .set({
        name_zh: input.nameZh ?? dept.name_zh,
        name_en: input.nameEn ?? dept.name_en,
        kind: input.kind ?? dept.kind,
        sort_order: input.sortOrder ?? dept.sort_order,
        active: input.active === undefined ? dept.active : input.active ? 1 : 0,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'department.updated',
      subjectType: 'department',
      subjectId: id,
      subjectLabel: input.nameZh ?? dept.name_zh,
      departmentId: id,
      data: { changes: input },
    });
  });
}
