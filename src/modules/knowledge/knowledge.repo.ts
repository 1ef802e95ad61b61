import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/connect.js';
import type { KbEntryTable } from '../../platform/db/schema.js';
import type { Principal } from '../../platform/policy/principal.js';
import { kbScope } from './knowledge.policy.js';
import type { TListEntries } from './knowledge.schemas.js';

export type EntryRow = Selectable<KbEntryTable> & {
  department_name: string | null;
  matter_code: string | null;
  matter_name: string | null;
};
export type Filters = Omit<TListEntries, 'page' | 'pageSize'>;

function entryQuery(db: DbOrTrx) {
  return db
    .selectFrom('kb_entries')
    .leftJoin('departments', 'departments.id', 'kb_entries.department_id')
    .leftJoin('matters', 'matters.id', 'kb_entries.matter_id');
}

/** Escapes LIKE wildcards so a keyword matches literally. */
export const likeOf = (s: string) => `%${s.replace(/[%_\\]/g, '')}%`;

/**
 * Entries the user may see, filtered: editors/reviewers see every status in their scope, other
 * staff only entries with a live version (the same rule as a single read, so outsiders get 404).
 */
export function scopedEntries(db: DbOrTrx, p: Principal, f: Filters) {
  const scope = kbScope(p);
  let q = entryQuery(db);
  q = q.where((eb) => {
    const live = eb.and([eb('kb_entries.live_version', '>', 0), eb('kb_entries.status', '!=', 'archived')]);
    if (scope?.all) return eb.lit(true);
    if (scope && scope.departmentId) return eb.or([eb('kb_entries.department_id', '=', scope.departmentId), live]);
    return live;
  });
  if (f.status) q = q.where('kb_entries.status', '=', f.status);
  if (f.departmentId) q = q.where('kb_entries.department_id', '=', f.departmentId);
  if (f.matterId) q = q.where('kb_entries.matter_id', '=', f.matterId);
  if (f.category) q = q.where('kb_entries.category', '=', f.category);
  if (f.tag) q = q.where('kb_entries.tags', 'like', likeOf(JSON.stringify(f.tag)));
  if (f.policyId)
    q = q.where(
      'kb_entries.id',
      'in',
      db.selectFrom('policy_entries').select('entry_id').where('policy_id', '=', f.policyId),
    );
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('kb_entries.question', 'like', like),
        eb('kb_entries.similar', 'like', like),
        eb('kb_entries.code', 'like', like),
      ]),
    );
  }
  return q;
}

const COLUMNS = [
  'departments.name_zh as department_name',
  'matters.code as matter_code',
  'matters.name as matter_name',
] as const;

/** One page of visible entries and the total. */
export async function listEntries(db: DbOrTrx, p: Principal, f: TListEntries) {
  const q = scopedEntries(db, p, f);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .selectAll('kb_entries')
    .select([...COLUMNS])
    .orderBy('kb_entries.updated_at', 'desc')
    .orderBy('kb_entries.code')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total.n), items: items as EntryRow[] };
}

/** Every visible entry matching the filters (export). */
export async function allEntries(db: DbOrTrx, p: Principal, f: Filters): Promise<EntryRow[]> {
  return await scopedEntries(db, p, f)
    .selectAll('kb_entries')
    .select([...COLUMNS])
    .orderBy('kb_entries.code')
    .execute();
}

/** One entry by id, unscoped (the caller checks the policy). */
export async function findEntry(db: DbOrTrx, id: string): Promise<EntryRow | undefined> {
  return await entryQuery(db)
    .selectAll('kb_entries')
    .select([...COLUMNS])
    .where('kb_entries.id', '=', id)
    .executeTakeFirst();
}

/** The published versions of an entry, newest first. */
export async function listVersions(db: DbOrTrx, entryId: string) {
  return db
    .selectFrom('kb_versions')
    .leftJoin('users as author', 'author.id', 'kb_versions.author_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'kb_versions.reviewer_id')
    .selectAll('kb_versions')
    .select(['author.display_name as author_name', 'reviewer.display_name as reviewer_name'])
    .where('entry_id', '=', entryId)
    .orderBy('version', 'desc')
    .execute();
}

/** One published version. */
export async function findVersion(db: DbOrTrx, entryId: string, version: number) {
  return db
    .selectFrom('kb_versions')
    .selectAll()
    .where('entry_id', '=', entryId)
    .where('version', '=', version)
    .executeTakeFirst();
}
