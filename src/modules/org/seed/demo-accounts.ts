import type { Role } from '../../../platform/policy/roles.js';

/** Shared password of the demo accounts; they exist only in demo mode (never with NODE_ENV=production). */
export const DEMO_PASSWORD = 'Bangban2026';

export const DEMO_ACCOUNTS: { username: string; displayName: string; roles: Role[]; department: string }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], department: 'sci-it' },
  { username: 'window1', displayName: '王敏（窗口）', roles: ['window_agent'], department: 'service-centre' },
  {
    username: 'water1',
    displayName: '李强（水资源）',
    roles: ['business_agent', 'kb_editor'],
    department: 'water-resources',
  },
  { username: 'supply1', displayName: '赵静（供水）', roles: ['business_agent'], department: 'water-supply' },
  { username: 'drain1', displayName: '孙磊（排水）', roles: ['business_agent', 'kb_editor'], department: 'drainage' },
  { username: 'hotline1', displayName: '陈晨（热线办）', roles: ['hotline_dispatcher'], department: 'hotline' },
  { username: 'legal1', displayName: '周洁（法规处）', roles: ['kb_reviewer'], department: 'legal' },
  { username: 'office1', displayName: '吴刚（局办公室）', roles: ['supervisor'], department: 'general-office' },
  { username: 'leader1', displayName: '郑局长', roles: ['leader'], department: 'general-office' },
  { username: 'auditor1', displayName: '审计员', roles: ['auditor'], department: 'general-office' },
];
