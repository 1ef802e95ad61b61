import fs from 'node:fs';
import type { Db } from '../../../platform/db/connect.js';
import { newId } from '../../../platform/ids.js';
import { takeSeedLock } from '../../../platform/db/seed-lock.js';
import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import { defaultTerms } from '../default-terms.js';
import { kbCode } from '../use-cases/entry-support.js';

const demoFile = (name: string) => new URL(`../demo/${name}`, import.meta.url);

interface DemoEntry {
  id: string;
  question: string;
  similar: string[];
  answer: string;
  category: string;
  matter: string | null;
  department: string;
  tags?: string[];
}

/** Plain demo answers become safe HTML paragraphs (the KB stores sanitised rich text). */
export function plainToHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n+/)
    .map((line) => `<p>${esc(line)}</p>`)
    .join('');
}

/**
 * The water-domain dictionary and synonym table (always, when none exist), and in demo mode the
 * demo knowledge base, published as version 1. Never touches a KB that already has entries.
 */
export async function seedKnowledge(db: Db, now: Date, opts: { demo: boolean }): Promise<void> {
  const ts = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await takeSeedLock(trx);
    const hasTerms = await trx.selectFrom('kb_terms').select('id').limit(1).executeTakeFirst();
    if (!hasTerms) {
      const { dictionary, synonyms } = defaultTerms();
      const rows = dictionary
        .map((value) => ({ id: newId(), kind: 'dictionary', value, updated_at: ts }))
        .concat(synonyms.map((value) => ({ id: newId(), kind: 'synonym', value, updated_at: ts })));
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto('kb_terms')
          .values(rows.slice(i, i + 200))
          .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
          .execute();
    }
    if (!opts.demo) return;
    const hasEntries = await trx.selectFrom('kb_entries').select('id').limit(1).executeTakeFirst();
    if (hasEntries) return;
    const depts = new Map(
      (await trx.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.code, d.id]),
    );
    const matters = new Map(
      (await trx.selectFrom('matters').select(['id', 'code']).execute()).map((m) => [m.code, m.id]),
    );
    const lines = fs
      .readFileSync(demoFile('demo-kb.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    for (const line of lines) {
      const e = JSON.parse(line) as DemoEntry;
      const id = newId();
      const departmentId = depts.get(e.department);
      if (!departmentId) continue; // a department renamed away in this installation
      const base = {
        question: e.question,
        similar: JSON.stringify(e.similar ?? []),
        answer: plainToHtml(e.answer),
        matter_id: e.matter ? (matters.get(e.matter) ?? null) : null,
        category: e.category,
        tags: JSON.stringify(e.tags ?? []),
        valid_from: null,
        valid_until: null,
      };
      await trx
        .insertInto('kb_entries')
        .values({
          id,
          code: /^kb-\d+$/.test(e.id) ? kbCode(Number(e.id.slice(3))) : e.id,
          ...base,
          department_id: departmentId,
          status: 'published',
          live_version: 1,
          review_comment: null,
          created_by: null,
          updated_by: null,
          created_at: ts,
          updated_at: ts,
          submitted_at: ts,
          last_reviewed_at: ts,
          shown_count: 0,
          solved_count: 0,
          unsolved_count: 0,
        })
        .execute();
      await trx
        .insertInto('kb_versions')
        .values({
          entry_id: id,
          version: 1,
          ...base,
          author_id: null,
          reviewer_id: null,
          published_at: ts,
          note: '演示知识库 demo KB',
        })
        .execute();
    }
    await recordEvent(trx, SYSTEM_ACTOR, now, { type: 'kb.demo_seeded', data: { entries: lines.length } });
  });
}
