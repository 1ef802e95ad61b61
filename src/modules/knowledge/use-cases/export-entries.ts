import type { Db } from '../../../platform/db/connect.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { writeXlsx } from '../import/xlsx-format.js';
import { allEntries, type Filters } from '../knowledge.repo.js';

const parse = (s: string): string[] => {
  try {
    return JSON.parse(s) as string[];
  } catch {
    return [];
  }
};

/**
 * Exports the entries a user may see (filtered) for sharing with the water hotline KB: JSON lines
 * in the import format, or the XLSX template filled in, so an export re-imports as updates.
 */
export async function exportEntries(
  db: Db,
  p: Principal,
  f: Filters,
  format: 'jsonl' | 'xlsx',
): Promise<{ body: Buffer | string; count: number }> {
  const rows = await allEntries(db, p, f);
  const depts = new Map(
    (await db.selectFrom('departments').select(['id', 'code', 'name_zh']).execute()).map((d) => [d.id, d]),
  );
  if (format === 'jsonl') {
    const lines = rows.map((e) =>
      JSON.stringify({
        id: e.code,
        question: e.question,
        similar: parse(e.similar),
        answer: e.answer,
        category: e.category,
        matter: e.matter_code ?? undefined,
        department: depts.get(e.department_id)?.code,
        tags: parse(e.tags),
        status: e.status,
      }),
    );
    return { body: lines.join('\n') + (lines.length ? '\n' : ''), count: rows.length };
  }
  const body = await writeXlsx(
    rows.map((e) => ({
      question: e.question,
      similar: parse(e.similar).join('\n'),
      answer: e.answer,
      matter: e.matter_code ?? '',
      category: e.category,
      department: depts.get(e.department_id)?.name_zh ?? '',
      tags: parse(e.tags).join('｜'),
      id: e.code,
    })),
  );
  return { body, count: rows.length };
}

/** The empty XLSX import template with one example row, so editors fill in the right columns. */
export function importTemplate(): Promise<Buffer> {
  return writeXlsx([
    {
      question: '取水许可证到期了怎么办？',
      similar: '取水证过期怎么延续\n取水许可延续要多久',
      answer: '取水许可证有效期届满需要延续的，应当在有效期届满 45 日前提出延续申请。',
      matter: '',
      category: '水利',
      department: '水资源管理处',
      tags: '取水许可｜延续',
      id: '',
    },
  ]);
}
