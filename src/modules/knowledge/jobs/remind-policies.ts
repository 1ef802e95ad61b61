import type { Db } from '../../../platform/db/connect.js';
import type { HolidayCalendar } from '../../../platform/calendar/index.js';
import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import { policiesWithStatus } from '../policy-status.js';

/** Remind the drafting department this many working days before publish-by (or when already late). */
export const REMIND_WORKING_DAYS = 3;

/**
 * The reminder sweep of art. 15: once per policy, when publish-by is within 3 working days and
 * the Q&As are not all live, a `kb.policy_reminder` event goes to the drafting department.
 * `reminded_at` is set with a conditional update, so two nodes never remind twice.
 */
export async function remindPolicies(db: Db, now: Date, cal: HolidayCalendar): Promise<number> {
  const due = (await policiesWithStatus(db, now, cal)).filter(
    (x) => !x.doc.reminded_at && !x.allPublished && x.workingDaysLeft <= REMIND_WORKING_DAYS,
  );
  let sent = 0;
  for (const x of due) {
    await db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('policy_documents')
        .set({ reminded_at: now.toISOString() })
        .where('id', '=', x.doc.id)
        .where('reminded_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return;
      await recordEvent(trx, SYSTEM_ACTOR, now, {
        type: 'kb.policy_reminder',
        subjectType: 'policy_document',
        subjectId: x.doc.id,
        departmentId: x.doc.drafting_department_id,
        data: {
          title: x.doc.title,
          publishBy: x.doc.publish_by,
          effectiveDate: x.doc.effective_date,
          status: x.status,
          workingDaysLeft: x.workingDaysLeft,
          unpublished: x.linked.filter((e) => !e.live).map((e) => e.entryId),
        },
      });
      sent++;
    });
  }
  return sent;
}
