import type { Selectable } from 'kysely';
import type { DepartmentTable, MatterTable } from '../../platform/db/schema.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import type { UserRow } from './org.repo.js';

export function presentDepartment(d: Selectable<DepartmentTable>) {
  return {
    id: d.id,
    code: d.code,
    nameZh: d.name_zh,
    nameEn: d.name_en,
    kind: d.kind,
    active: d.active === 1,
    sortOrder: d.sort_order,
  };
}

/** Users as shown in lists and details; phone numbers are masked unless `revealPhone`. */
export function presentUser(u: UserRow, now: Date, revealPhone = false) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    departmentId: u.departmentId,
    departmentName: u.departmentName,
    phone: revealPhone ? u.phone : maskPhone(u.phone),
    status: u.status,
    roles: u.roles,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    locked: !!u.lockedUntil && u.lockedUntil > now.toISOString(),
  };
}

export function presentMatter(m: Selectable<MatterTable> & { department_name?: string | null }) {
  return {
    id: m.id,
    code: m.code,
    name: m.name,
    kind: m.kind,
    ownerDepartmentId: m.owner_department_id,
    ownerDepartmentName: m.department_name ?? null,
    liveHelp: m.live_help === 1,
    guideUrl: m.guide_url,
    category: m.category,
    active: m.active === 1,
  };
}
