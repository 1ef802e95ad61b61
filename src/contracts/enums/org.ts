/** Roles, account statuses and department kinds (SPEC §2). */
import type { Bilingual } from './common.js';

/** The roles of SPEC §2. A user may hold several; some are scoped to the user's department. */
export const ROLES = [
  'window_agent',
  'business_agent',
  'hotline_dispatcher',
  'kb_editor',
  'kb_reviewer',
  'supervisor',
  'leader',
  'admin',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Bilingual> = {
  window_agent: { zh: '窗口客服', en: 'Window agent' },
  business_agent: { zh: '业务客服', en: 'Business agent' },
  hotline_dispatcher: { zh: '热线派单员', en: 'Hotline dispatcher' },
  kb_editor: { zh: '知识库编辑', en: 'KB editor' },
  kb_reviewer: { zh: '知识库审核', en: 'KB reviewer' },
  supervisor: { zh: '督办（局办公室）', en: 'Supervisor (general office)' },
  leader: { zh: '领导', en: 'Leader' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  auditor: { zh: '审计（只读）', en: 'Auditor (read-only)' },
};

/** Roles whose work is limited to the user's own department (SPEC §2); the server refuses them without one. */
export const DEPARTMENT_SCOPED_ROLES: readonly Role[] = ['business_agent', 'kb_editor'];

export const USER_STATUSES = ['active', 'disabled'] as const;

export type UserStatus = (typeof USER_STATUSES)[number];

export const DEPARTMENT_KINDS = ['office', 'owner', 'hotline', 'service'] as const;

export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, Bilingual> = {
  office: { zh: '局机关处室', en: 'Bureau office' },
  owner: { zh: '事项主办部门', en: 'Matter owner' },
  hotline: { zh: '热线办', en: 'Hotline office' },
  service: { zh: '行政服务中心', en: 'Service centre' },
};
