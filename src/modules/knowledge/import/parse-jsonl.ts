import { z } from 'zod';

/** One knowledge-base entry as it arrives in a JSON-lines import file. */
export const ZKbImportEntry = z
  .object({
    id: z.string().trim().min(1).max(200),
    question: z.string().trim().min(1).max(2000),
    similar: z.array(z.string().trim().min(1).max(2000)).max(500).default([]),
    answer: z.string().trim().min(1).max(100_000),
    category: z.string().trim().max(200).nullish(),
    matter: z.string().trim().max(200).nullish(),
  })
  .passthrough();

export type TKbImportEntry = z.infer<typeof ZKbImportEntry>;

export interface TImportError {
  /** 1-based line number in the file. */
  line: number;
  message: { zh: string; en: string };
}

export interface TParseJsonlResult {
  entries: TKbImportEntry[];
  errors: TImportError[];
}

const FIELD_ZH: Record<string, string> = {
  id: '编号',
  question: '标准问',
  similar: '相似问',
  answer: '答案',
  category: '分类',
  matter: '事项',
};

function describeIssue(issue: z.core.$ZodIssue): { zh: string; en: string } {
  const path = issue.path.map(String);
  const field = path[0] ?? '';
  const fieldZh = FIELD_ZH[field] ?? field;
  const where = path.length > 1 ? `${field}[${path.slice(1).join('.')}]` : field;
  const whereZh = path.length > 1 ? `${fieldZh}第${Number(path[1]) + 1}条` : fieldZh;
  if (issue.code === 'invalid_type') {
    const missing = (issue as { input?: unknown }).input === undefined;
    return missing
      ? { zh: `缺少字段“${whereZh}”`, en: `missing field "${where}"` }
      : { zh: `字段“${whereZh}”类型错误`, en: `field "${where}" has the wrong type (expected ${issue.expected})` };
  }
  if (issue.code === 'too_small') return { zh: `字段“${whereZh}”不能为空`, en: `field "${where}" must not be empty` };
  if (issue.code === 'too_big') return { zh: `字段“${whereZh}”过长`, en: `field "${where}" is too long` };
  return { zh: `字段“${whereZh}”无效`, en: `field "${where}" is invalid: ${issue.message}` };
}

/**
 * Parses a knowledge-base import file in JSON-lines form, validating every row so that
 * an editor sees all problems of a bad file at once (line by line) instead of the first.
 * Blank lines are skipped; duplicate ids are reported on the later line.
 */
export function parseKbJsonl(text: string): TParseJsonlResult {
  const entries: TKbImportEntry[] = [];
  const errors: TImportError[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    const line = i + 1;
    if (raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.push({ line, message: { zh: '不是有效的 JSON', en: 'not valid JSON' } });
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ line, message: { zh: '每行应为一个 JSON 对象', en: 'each line must be a JSON object' } });
      continue;
    }
    const parsed = ZKbImportEntry.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line, message: describeIssue(issue) });
      continue;
    }
    const prev = seen.get(parsed.data.id);
    if (prev !== undefined) {
      errors.push({
        line,
        message: {
          zh: `编号“${parsed.data.id}”与第${prev}行重复`,
          en: `id "${parsed.data.id}" duplicates line ${prev}`,
        },
      });
      continue;
    }
    seen.set(parsed.data.id, line);
    entries.push(parsed.data);
  }
  return { entries, errors };
}
