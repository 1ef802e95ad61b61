import type { Selectable } from 'kysely';
import type { DepartmentTable, MatterTable } from '../../platform/db/schema.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import type { UserRow } from './org.repo.js';
import type { TDepartment, TMatter, TUser } from '../../contracts/org.js';
import type { DepartmentKind, MatterCategory, MatterKind, UserStatus } from '../../contracts/enums.js';

export function presentDepartment(d: Selectable<DepartmentTable>): TDepartment {
  return {
    id: d.id,
    code: d.code,
    nameZh: d.name_zh,
    nameEn: d.name_en,
    kind: d.kind as DepartmentKind,
    active: d.active === 1,
    sortOrder: d.sort_order,
  };
}

/** Users as shown in lists and details; phone numbers are masked unless `revealPhone`. */
export function presentUser(u: UserRow, now: Date, revealPhone = false): TUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    departmentId: u.departmentId,
    departmentName: u.departmentName,
    phone: revealPhone ? u.phone : maskPhone(u.phone),
    workNumber: u.workNumber,
    status: u.status as UserStatus,
    roles: u.roles,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    locked: !!u.lockedUntil && u.lockedUntil > now.toISOString(),
  };
}

export function presentMatter(m: Selectable<MatterTable> & { department_name?: string | null }): TMatter {
  return {
    id: m.id,
    code: m.code,
    name: m.name,
    kind: m.kind as MatterKind,
    ownerDepartmentId: m.owner_department_id,
    ownerDepartmentName: m.department_name ?? null,
    liveHelp: m.live_help === 1,
    guideUrl: m.guide_url,
    category: m.category as MatterCategory,
    active: m.active === 1,
  };
}
