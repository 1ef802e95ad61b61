import type { Principal } from '../../../platform/policy/principal.js';
import { knowledgePolicy } from '../knowledge.policy.js';
import { CATEGORIES } from '../knowledge.schemas.js';
import type { ImportRow, RowError } from './read-import.js';

export interface Lookups {
  departments: Map<string, string>; // code and Chinese name → id
  matters: Map<string, { id: string; owner: string; category: string }>; // code → matter
  existing: Map<string, { id: string; departmentId: string }>; // entry code → entry
}

export interface PlannedRow extends ImportRow {
  departmentId: string;
  matterId: string | null;
  categoryValue: string;
  existingId: string | null;
}

/**
 * Checks every row against the catalogue and the importer's scope (an editor imports only into
 * their own department), so a bad file is reported completely and nothing of it is written.
 */
export function planImport(
  p: Principal,
  rows: ImportRow[],
  look: Lookups,
): { planned: PlannedRow[]; errors: RowError[] } {
  const planned: PlannedRow[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const err = (field: string, zh: string, en: string) => errors.push({ row: r.row, field, message: { zh, en } });
    const before = errors.length;
    const matter = r.matter ? look.matters.get(r.matter) : undefined;
    if (r.matter && !matter) err('matter', `事项编码“${r.matter}”不存在`, `unknown matter code "${r.matter}"`);
    const category = r.category ?? matter?.category ?? '其它';
    if (!(CATEGORIES as readonly string[]).includes(category))
      err(
        'category',
        `分类“${category}”无效，应为：${CATEGORIES.join('、')}`,
        `category "${category}" must be one of ${CATEGORIES.join(', ')}`,
      );
    let departmentId: string | null | undefined = r.department
      ? look.departments.get(r.department)
      : (matter?.owner ?? p.departmentId);
    if (r.department && !departmentId)
      err('department', `主办部门“${r.department}”不存在`, `unknown department "${r.department}"`);
    else if (!departmentId) err('department', '缺少主办部门', 'missing department');
    const existing = r.id ? look.existing.get(r.id) : undefined;
    if (departmentId && !knowledgePolicy.ownDepartment(p, departmentId)) {
      err('department', '不能导入其他部门的条目', 'you may not import entries of another department');
      departmentId = null;
    } else if (existing && !knowledgePolicy.ownDepartment(p, existing.departmentId)) {
      err('id', `编号“${r.id}”属于其他部门的条目`, `code "${r.id}" belongs to another department's entry`);
    }
    if (r.question.length > 500) err('question', '标准问题不能超过 500 字', 'question must be at most 500 characters');
    if (errors.length === before && departmentId) {
      planned.push({
        ...r,
        departmentId,
        matterId: matter?.id ?? null,
        categoryValue: category,
        existingId: existing?.id ?? null,
      });
    }
  }
  return { planned, errors };
}
