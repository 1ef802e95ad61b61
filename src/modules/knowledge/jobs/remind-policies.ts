import type { Db } from '../../../platform/db/connect.js';
import { addDays, isWorkingDay, shanghaiDate, type HolidayCalendar } from '../../../platform/calendar/index.js';
import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import { linkedEntries, policyStatus } from '../policy-status.js';

/** Remind the drafting department this many working days before publish-by (or when already late). */
export const REMIND_WORKING_DAYS = 3;

/** The last date whose publish-by is within `n` working days of `today` (the day before the (n+1)-th working day). */
export function remindHorizon(cal: HolidayCalendar, today: string, n = REMIND_WORKING_DAYS): string {
  let day = today;
  for (let seen = 0; ;) {
    const next = addDays(day, 1);
    if (isWorkingDay(cal, next) && ++seen > n) return day;
    day = next;
  }
}

/**
 * The reminder sweep of art. 15: once per policy, when publish-by is within 3 working days and
 * the Q&As are not all live, a `kb.policy_reminder` event goes to the drafting department.
 * Only policies not yet reminded with publish-by up to the horizon are read, `batch` at a time.
 * `reminded_at` is set with a conditional update, so two nodes never remind twice.
 */
export async function remindPolicies(db: Db, now: Date, cal: HolidayCalendar, batch = 100): Promise<number> {
  const horizon = remindHorizon(cal, shanghaiDate(now));
  let sent = 0;
  let after: { publishBy: string; id: string } | null = null;
  for (;;) {
    let q = db
      .selectFrom('policy_documents')
      .selectAll()
      .where('reminded_at', 'is', null)
      .where('publish_by', '<=', horizon);
    if (after) {
      const { publishBy, id } = after;
      q = q.where((eb) =>
        eb.or([eb('publish_by', '>', publishBy), eb.and([eb('publish_by', '=', publishBy), eb('id', '>', id)])]),
      );
    }
    const docs = await q.orderBy('publish_by').orderBy('id').limit(batch).execute();
    const linked = await linkedEntries(
      db,
      docs.map((d) => d.id),
    );
    for (const doc of docs) {
      const x = policyStatus(cal, doc.publish_by, linked.get(doc.id)!, now);
      if (x.allPublished || x.workingDaysLeft > REMIND_WORKING_DAYS) continue;
      await db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('policy_documents')
          .set({ reminded_at: now.toISOString() })
          .where('id', '=', doc.id)
          .where('reminded_at', 'is', null)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) return;
        await recordEvent(trx, SYSTEM_ACTOR, now, {
          type: 'kb.policy_reminder',
          subjectType: 'policy_document',
          subjectId: doc.id,
          subjectLabel: doc.title,
          departmentId: doc.drafting_department_id,
          data: {
            title: doc.title,
            publishBy: doc.publish_by,
            effectiveDate: doc.effective_date,
            status: x.status,
            workingDaysLeft: x.workingDaysLeft,
            unpublished: linked
              .get(doc.id)!
              .filter((e) => !e.live)
              .map((e) => e.entryId),
          },
        });
        sent++;
      });
    }
    if (docs.length < batch) return sent;
    after = { publishBy: docs.at(-1)!.publish_by, id: docs.at(-1)!.id };
  }
}
