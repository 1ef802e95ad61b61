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

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
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

/** Roles whose work is limited to the user's own department (SPEC §2). */
export const DEPARTMENT_SCOPED_ROLES: readonly Role[] = ['business_agent', 'kb_editor'];

/** Roles that need a department to make sense. */
export function roleNeedsDepartment(role: Role): boolean {
  return DEPARTMENT_SCOPED_ROLES.includes(role);
}

/** Which home page a user lands on after sign-in, by the most specific role held. */
export function homeFor(roles: readonly Role[]): string {
  if (roles.includes('admin')) return '/admin';
  if (roles.includes('window_agent') || roles.includes('business_agent')) return '/workspace';
  if (roles.includes('hotline_dispatcher')) return '/workspace';
  if (roles.includes('kb_editor') || roles.includes('kb_reviewer')) return '/admin';
  if (roles.includes('supervisor') || roles.includes('leader') || roles.includes('auditor')) return '/admin';
  return '/workspace';
}
