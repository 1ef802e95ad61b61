import { z } from 'zod';
import { AppError, type Bilingual } from '../../../platform/errors.js';
import { parseKbJsonl, ZKbImportEntry } from './parse-jsonl.js';
import { splitCell } from './xlsx-format.js';
import {
  checkImportSize,
  tooManyRows as tooManyRowsOf,
  type ImportLimits,
} from '../../../platform/spreadsheet/import-limits.js';
import { readXlsxOffThread } from './xlsx-format.js';

/** Limits of one import file: larger knowledge bases are imported in parts. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

/** The KB's limits, on the shared import mechanism (platform/spreadsheet). */
const LIMITS: ImportLimits = { maxBytes: MAX_IMPORT_BYTES, maxRows: MAX_IMPORT_ROWS };
const tooManyRows = (count?: number) => tooManyRowsOf(LIMITS, count);

/** One problem of an import file, by row (JSON-lines line number or sheet row). */
export interface RowError {
  row: number;
  field: string | null;
  message: Bilingual;
}

/** A row of an import file as read, before it is checked against the catalogue and the user's scope. */
export interface ImportRow {
  row: number;
  id: string | null;
  question: string;
  similar: string[];
  answer: string;
  category: string | null;
  matter: string | null;
  department: string | null;
  tags: string[];
}

const ZExtra = z.object({
  department: z.string().trim().max(100).nullish(),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).nullish(),
});
const ZXlsxRow = ZKbImportEntry.extend({ id: z.string().trim().min(1).max(200).optional() });

const FIELD_ZH: Record<string, string> = {
  id: '编号',
  question: '标准问题',
  similar: '相似问题',
  answer: '答复口径',
  category: '分类',
  matter: '事项编码',
  department: '主办部门',
  tags: '标签',
};
const issueMessage = (field: string, issue: z.core.$ZodIssue): Bilingual => ({
  zh: `“${FIELD_ZH[field] ?? field}”无效：${issue.message}`,
  en: `"${field}" is invalid: ${issue.message}`,
});

function fromJsonl(text: string): { rows: ImportRow[]; errors: RowError[] } {
  const count = text.split('\n').filter((l) => l.trim()).length;
  if (count > MAX_IMPORT_ROWS) throw tooManyRows(count);
  const parsed = parseKbJsonl(text);
  const errors: RowError[] = parsed.errors.map((e) => ({ row: e.line, field: null, message: e.message }));
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lineOf = new Map<string, number>();
  lines.forEach((l, i) => {
    try {
      const id = (JSON.parse(l) as { id?: unknown })?.id;
      if (typeof id === 'string' && !lineOf.has(id.trim())) lineOf.set(id.trim(), i + 1);
    } catch {
      /* reported by parseKbJsonl */
    }
  });
  const rows: ImportRow[] = [];
  for (const e of parsed.entries) {
    const row = lineOf.get(e.id) ?? 0;
    const extra = ZExtra.safeParse(e);
    if (!extra.success) {
      for (const i of extra.error.issues)
        errors.push({ row, field: String(i.path[0]), message: issueMessage(String(i.path[0]), i) });
      continue;
    }
    rows.push({
      row,
      id: e.id,
      question: e.question,
      similar: e.similar,
      answer: e.answer,
      category: e.category ?? null,
      matter: e.matter ?? null,
      department: extra.data.department ?? null,
      tags: extra.data.tags ?? [],
    });
  }
  return { rows, errors };
}

async function fromXlsx(buf: Buffer): Promise<{ rows: ImportRow[]; errors: RowError[] }> {
  let sheet;
  try {
    sheet = await readXlsxOffThread(buf, MAX_IMPORT_ROWS);
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      zh: '无法读取 XLSX 文件，请使用导入模板。',
      en: 'The XLSX file cannot be read; use the import template.',
    });
  }
  if (sheet.tooManyRows) throw tooManyRows();
  if (sheet.missing.length) {
    throw new AppError('VALIDATION_FAILED', {
      zh: `表头缺少：${sheet.missing.join('、')}。请使用导入模板。`,
      en: `Missing columns: ${sheet.missing.join(', ')}. Use the import template.`,
    });
  }
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { row, data } of sheet.rows) {
    const r = ZXlsxRow.safeParse({ ...data, similar: splitCell(data.similar) });
    if (!r.success) {
      for (const i of r.error.issues)
        errors.push({ row, field: String(i.path[0]), message: issueMessage(String(i.path[0]), i) });
      continue;
    }
    if (r.data.id && seen.has(r.data.id)) {
      errors.push({
        row,
        field: 'id',
        message: {
          zh: `编号“${r.data.id}”与第${seen.get(r.data.id)}行重复`,
          en: `id "${r.data.id}" duplicates row ${seen.get(r.data.id)}`,
        },
      });
      continue;
    }
    if (r.data.id) seen.set(r.data.id, row);
    rows.push({
      row,
      id: r.data.id ?? null,
      question: r.data.question,
      similar: r.data.similar,
      answer: r.data.answer,
      category: r.data.category ?? null,
      matter: r.data.matter ?? null,
      department: data.department ?? null,
      tags: splitCell(data.tags),
    });
  }
  return { rows, errors };
}

/** Reads a JSON-lines or XLSX import file (base64) into rows, collecting every format error at once. */
export async function readImportFile(
  format: 'jsonl' | 'xlsx',
  base64: string,
): Promise<{ rows: ImportRow[]; errors: RowError[] }> {
  const buf = Buffer.from(base64, 'base64');
  checkImportSize(buf, LIMITS);
  return format === 'jsonl' ? fromJsonl(buf.toString('utf8')) : fromXlsx(buf);
}
