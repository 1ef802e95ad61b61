import type { DbOrTrx } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';

/** Whether another user already carries this 工号 (work numbers are unique when set). */
export async function workNumberTaken(db: DbOrTrx, workNumber: string, exceptUserId?: string): Promise<boolean> {
  let q = db.selectFrom('users').select('id').where('work_number', '=', workNumber);
  if (exceptUserId) q = q.where('id', '!=', exceptUserId);
  return !!(await q.executeTakeFirst());
}

/** The answer when a 工号 is already given to someone else. */
export function workNumberDuplicate(workNumber: string): AppError {
  return new AppError(
    'DUPLICATE',
    { zh: `工号“${workNumber}”已被其他用户使用。`, en: `Work number "${workNumber}" is already in use.` },
    { field: 'workNumber' },
  );
}
