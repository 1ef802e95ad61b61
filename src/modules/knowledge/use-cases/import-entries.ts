import type { Db, Trx } from '../../../platform/db/connect.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { planImport, type Lookups } from '../import/plan-import.js';
import { readImportFile, type RowError } from '../import/read-import.js';
import type { TImport } from '../knowledge.schemas.js';
import { sanitizeAnswer } from '../sanitize-answer.js';
import { newEntryCode } from './entry-support.js';

const CHUNK = 400;
const chunks = <T>(xs: T[]) =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

function rejectFile(errors: RowError[]): never {
  throw new AppError(
    'VALIDATION_FAILED',
    {
      zh: `导入文件有 ${errors.length} 处错误，未导入任何条目，请修改后重试。`,
      en: `The file has ${errors.length} error(s); nothing was imported.`,
    },
    { rows: errors.slice(0, 1000), errorCount: errors.length },
  );
}

async function loadLookups(trx: Trx, codes: string[]): Promise<Lookups> {
  const departments = new Map<string, string>();
  for (const d of await trx
    .selectFrom('departments')
    .select(['id', 'code', 'name_zh'])
    .where('active', '=', 1)
    .execute()) {
    departments.set(d.code, d.id);
    departments.set(d.name_zh, d.id);
  }
  const matters = new Map(
    (await trx.selectFrom('matters').select(['id', 'code', 'owner_department_id', 'category']).execute()).map((m) => [
      m.code,
      { id: m.id, owner: m.owner_department_id, category: m.category },
    ]),
  );
  const existing = new Map<string, { id: string; departmentId: string }>();
  for (const part of chunks(codes)) {
    for (const e of await trx
      .selectFrom('kb_entries')
      .select(['id', 'code', 'department_id'])
      .where('code', 'in', part)
      .execute())
      existing.set(e.code, { id: e.id, departmentId: e.department_id });
  }
  return { departments, matters, existing };
}

async function maxVersions(trx: Trx, ids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(ids)) {
    const rows = await trx
      .selectFrom('kb_versions')
      .select(['entry_id', (eb) => eb.fn.max('version').as('v')])
      .where('entry_id', 'in', part)
      .groupBy('entry_id')
      .execute();
    for (const r of rows) out.set(r.entry_id, Number(r.v));
  }
  return out;
}

/**
 * Imports a shared KB file (the water hotline's, or an export) in ONE transaction: the whole file
 * is checked first and a bad file changes nothing; known codes update their entry (a new draft,
 * or a new version in `publish` mode) instead of duplicating it.
 */
export async function importEntries(db: Db, actor: Actor, p: Principal, now: Date, input: TImport) {
  const started = performance.now();
  const file = await readImportFile(input.format, input.content);
  if (file.errors.length) rejectFile(file.errors);
  if (!file.rows.length)
    rejectFile([{ row: 0, field: null, message: { zh: '文件中没有条目', en: 'the file has no entries' } }]);
  const publish = input.mode === 'publish';
  const ts = now.toISOString();
  const result = await db.transaction().execute(async (trx) => {
    const look = await loadLookups(
      trx,
      file.rows.flatMap((r) => (r.id ? [r.id] : [])),
    );
    const { planned, errors } = planImport(p, file.rows, look);
    if (errors.length) rejectFile(errors);
    const versions = publish
      ? await maxVersions(
          trx,
          planned.flatMap((r) => (r.existingId ? [r.existingId] : [])),
        )
      : new Map<string, number>();
    const rows = [];
    for (const r of planned) {
      const id = r.existingId ?? newId();
      const version = (versions.get(id) ?? 0) + 1;
      rows.push({
        id,
        code: r.id ?? (await newEntryCode(trx)),
        question: r.question,
        similar: JSON.stringify(r.similar),
        answer: sanitizeAnswer(r.answer),
        matter_id: r.matterId,
        category: r.categoryValue,
        department_id: r.departmentId,
        tags: JSON.stringify(r.tags),
        valid_from: null,
        valid_until: null,
        status: publish ? 'published' : 'draft',
        live_version: publish ? version : 0,
        review_comment: null,
        created_by: actor.userId,
        updated_by: actor.userId,
        created_at: ts,
        updated_at: ts,
        submitted_at: null,
        last_reviewed_at: publish ? ts : null,
        shown_count: 0,
        solved_count: 0,
        unsolved_count: 0,
      });
    }
    for (const part of chunks(rows)) {
      await trx
        .insertInto('kb_entries')
        .values(part)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            question: eb.ref('excluded.question'),
            similar: eb.ref('excluded.similar'),
            answer: eb.ref('excluded.answer'),
            matter_id: eb.ref('excluded.matter_id'),
            category: eb.ref('excluded.category'),
            department_id: eb.ref('excluded.department_id'),
            tags: eb.ref('excluded.tags'),
            status: eb.ref('excluded.status'),
            updated_by: eb.ref('excluded.updated_by'),
            updated_at: eb.ref('excluded.updated_at'),
            ...(publish
              ? {
                  live_version: eb.ref('excluded.live_version'),
                  last_reviewed_at: eb.ref('excluded.last_reviewed_at'),
                  review_comment: null,
                }
              : {}),
          })),
        )
        .execute();
    }
    if (publish) {
      const vrows = rows.map((r) => ({
        entry_id: r.id,
        version: r.live_version,
        question: r.question,
        similar: r.similar,
        answer: r.answer,
        matter_id: r.matter_id,
        category: r.category,
        tags: r.tags,
        valid_from: null,
        valid_until: null,
        author_id: actor.userId,
        reviewer_id: actor.userId,
        published_at: ts,
        note: '导入 import',
      }));
      for (const part of chunks(vrows)) await trx.insertInto('kb_versions').values(part).execute();
    }
    const updated = planned.filter((r) => r.existingId).length;
    const summary = {
      format: input.format,
      mode: input.mode,
      total: rows.length,
      created: rows.length - updated,
      updated,
      published: publish ? rows.length : 0,
    };
    await recordEvent(trx, actor, now, {
      type: 'kb.imported',
      subjectType: 'kb_import',
      departmentId: p.departmentId,
      data: { ...summary, rebuild: publish },
    });
    return summary;
  });
  return { ...result, ms: Math.round(performance.now() - started) };
}
