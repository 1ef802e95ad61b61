import type { Db } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { windowRecordPdf } from '../window-record-pdf.js';
import { workOrdersPolicy } from '../work-orders.policy.js';
import { accessOf, requireReadableOrder } from '../work-orders.repo.js';

/**
 * The offline 办不成事 window record (seed art. 13, annex 6) as a PDF, for the hotline office and the
 * order's handling department (a co-handling department reads the order but does not print it:
 * 403; anyone else: 404). The form carries the citizen's full number, so printing is audited as a
 * reveal of the phone.
 */
export async function printWindowRecord(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  id: string,
  opts?: { compress?: boolean },
): Promise<{ number: string; pdf: Buffer }> {
  const o = await db.transaction().execute(async (trx) => {
    const o = await requireReadableOrder(trx, p, id);
    if (o.source !== 'offline_report')
      throw new AppError('NOT_FOUND', {
        zh: '该工单不是窗口“办不成事”反映记录，没有处理记录单。',
        en: 'This order is not a window blocked-service record; there is no annex 6 form to print.',
      });
    if (!workOrdersPolicy.printRecord(p, accessOf(o)))
      throw new AppError('FORBIDDEN', {
        zh: '只有局热线办和承办部门可以打印处理记录单。',
        en: 'Only the hotline office and the handling department may print the window record.',
      });
    await recordEvent(trx, actor, now, {
      type: 'work_order.phone_revealed',
      subjectType: 'work_order',
      subjectId: o.id,
      subjectLabel: o.number,
      departmentId: o.department_id,
      data: { number: o.number },
    });
    return o;
  });
  const dept = o.department_id
    ? await db.selectFrom('departments').select('name_zh').where('id', '=', o.department_id).executeTakeFirst()
    : undefined;
  const pdf = await windowRecordPdf(o, { department: dept?.name_zh ?? null, phone: o.citizen_phone }, opts);
  return { number: o.number, pdf };
}
