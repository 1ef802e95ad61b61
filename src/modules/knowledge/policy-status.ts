import type { DbOrTrx } from '../../platform/db/connect.js';
import {
  shanghaiDate,
  subtractWorkingDays,
  workingDayOnOrBefore,
  workingDaysBetween,
  type HolidayCalendar,
} from '../../platform/calendar/index.js';

/** Seed art. 15: policy Q&As are published in the KB at least this many working days before the policy takes effect. */
export const NOTICE_WORKING_DAYS = 15;
/** A policy is "due soon" this many working days before its publish-by date. */
export const DUE_SOON_WORKING_DAYS = 5;

export type PolicyStatus = 'upcoming' | 'due_soon' | 'late' | 'on_time';
export interface LinkedEntry {
  entryId: string;
  live: boolean;
  firstPublishedAt: string | null;
}

/**
 * The latest date the linked Q&As may be published (stored; recomputed when the effective date
 * changes): the last office day that still leaves 15 working days before the effective date —
 * never a weekend or holiday, which staff would read as a day they could still work on.
 */
export function publishByFor(cal: HolidayCalendar, effectiveDate: string): string {
  return workingDayOnOrBefore(cal, subtractWorkingDays(cal, effectiveDate, NOTICE_WORKING_DAYS));
}

/**
 * Where a policy stands on `now`: on_time once every linked entry went live by publish_by; late
 * when one went live after it, or publish_by has passed without all of them; otherwise upcoming,
 * or due_soon within 5 working days of publish_by.
 */
export function policyStatus(cal: HolidayCalendar, publishBy: string, linked: LinkedEntry[], now: Date) {
  const today = shanghaiDate(now);
  const allPublished = linked.length > 0 && linked.every((e) => e.live && e.firstPublishedAt);
  const lastPublishedOn = allPublished
    ? linked
        .map((e) => shanghaiDate(new Date(e.firstPublishedAt!)))
        .sort()
        .at(-1)!
    : null;
  const workingDaysLeft = workingDaysBetween(cal, today, publishBy);
  let status: PolicyStatus;
  if (lastPublishedOn) status = lastPublishedOn <= publishBy ? 'on_time' : 'late';
  else if (today > publishBy) status = 'late';
  else status = workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'upcoming';
  return { status, allPublished, lastPublishedOn, workingDaysLeft };
}

/** Linked entries of the given policies, with whether each is live and when it first went live. */
export async function linkedEntries(db: DbOrTrx, policyIds: string[]): Promise<Map<string, LinkedEntry[]>> {
  const out = new Map<string, LinkedEntry[]>(policyIds.map((id) => [id, []]));
  if (!policyIds.length) return out;
  const rows = await db
    .selectFrom('policy_entries')
    .innerJoin('kb_entries', 'kb_entries.id', 'policy_entries.entry_id')
    .leftJoin('kb_versions', 'kb_versions.entry_id', 'policy_entries.entry_id')
    .select([
      'policy_entries.policy_id',
      'policy_entries.entry_id',
      'kb_entries.live_version',
      (eb) => eb.fn.min('kb_versions.published_at').as('first'),
    ])
    .where('policy_entries.policy_id', 'in', policyIds)
    .groupBy(['policy_entries.policy_id', 'policy_entries.entry_id', 'kb_entries.live_version'])
    .execute();
  for (const r of rows)
    out.get(r.policy_id)!.push({
      entryId: r.entry_id,
      live: Number(r.live_version) > 0,
      firstPublishedAt: r.first ?? null,
    });
  return out;
}

/** Policy documents with their derived status on `now`, soonest publish-by first. */
export async function policiesWithStatus(db: DbOrTrx, now: Date, cal: HolidayCalendar, where?: { id?: string }) {
  let q = db
    .selectFrom('policy_documents')
    .leftJoin('departments', 'departments.id', 'policy_documents.drafting_department_id')
    .selectAll('policy_documents')
    .select('departments.name_zh as department_name');
  if (where?.id) q = q.where('policy_documents.id', '=', where.id);
  const docs = await q.orderBy('publish_by').orderBy('title').execute();
  const linked = await linkedEntries(
    db,
    docs.map((d) => d.id),
  );
  return docs.map((d) => ({
    doc: d,
    linked: linked.get(d.id)!,
    ...policyStatus(cal, d.publish_by, linked.get(d.id)!, now),
  }));
}

/** Late policy Q&As on `now` (art. 15), for the monthly report. */
export async function latePolicies(db: DbOrTrx, now: Date, cal: HolidayCalendar) {
  return (await policiesWithStatus(db, now, cal)).filter((x) => x.status === 'late');
}
