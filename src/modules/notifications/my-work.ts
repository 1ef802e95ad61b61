import type { Db } from '../../platform/db/connect.js';
import { addDays, shanghaiDate } from '../../platform/calendar/index.js';
import type { Principal } from '../../platform/policy/principal.js';
import { WORK_BUCKETS, type WorkBucket } from '../../contracts/enums/notifications.js';
import type { TMyWork, TWorkItem } from '../../contracts/notifications.js';
import { workSources } from './work-sources.js';

/** Days after today (Shanghai dates) whose due items count as "due soon". */
export const SOON_DAYS = 3;

/** Where an item stands: overdue (due time passed), due today, due in the next days, or just waiting. */
export function bucketOf(dueAt: string | null, now: Date): WorkBucket {
  if (!dueAt) return 'waiting';
  if (dueAt <= now.toISOString()) return 'overdue';
  const day = shanghaiDate(new Date(dueAt));
  const today = shanghaiDate(now);
  if (day === today) return 'today';
  return day <= addDays(today, SOON_DAYS) ? 'soon' : 'waiting';
}

/** Most urgent first: by bucket, then by due time (none last), then by title. */
export function sortWork(items: TWorkItem[]): TWorkItem[] {
  const rank = (b: WorkBucket) => WORK_BUCKETS.indexOf(b);
  return [...items].sort(
    (a, b) =>
      rank(a.bucket) - rank(b.bucket) ||
      (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
      a.title.zh.localeCompare(b.title.zh),
  );
}

/** Everything the registered work sources hold for `p` (each applies its module's own rules). */
export async function myWork(db: Db, p: Principal, now: Date): Promise<TMyWork> {
  const items: TWorkItem[] = [];
  for (const s of workSources()) {
    for (const i of await s.items(db, p, now))
      items.push({ source: s.name, sourceLabel: s.label, bucket: bucketOf(i.dueAt, now), ...i });
  }
  const counts = { overdue: 0, today: 0, soon: 0, waiting: 0 };
  for (const i of items) counts[i.bucket]++;
  return { items: sortWork(items), counts };
}
