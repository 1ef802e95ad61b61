import type { Role } from '../../../platform/policy/roles.js';

/** Shared password of the demo accounts; they exist only in demo mode (never with NODE_ENV=production). */
export const DEMO_PASSWORD = 'Bangban2026';

/** Each demo account carries a 工号 (SW0001 …), shown to citizens with the agent's name. */
export const DEMO_ACCOUNTS: {
  username: string;
  displayName: string;
  roles: Role[];
  department: string;
  workNumber: string;
}[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], department: 'sci-it', workNumber: 'SW0001' },
  {
    username: 'window1',
    displayName: '王敏（窗口）',
    roles: ['window_agent'],
    department: 'service-centre',
    workNumber: 'SW0002',
  },
  {
    username: 'water1',
    displayName: '李强（水资源）',
    roles: ['business_agent', 'kb_editor'],
    department: 'water-resources',
    workNumber: 'SW0003',
  },
  {
    username: 'supply1',
    displayName: '赵静（供水）',
    roles: ['business_agent'],
    department: 'water-supply',
    workNumber: 'SW0004',
  },
  {
    username: 'drain1',
    displayName: '孙磊（排水）',
    roles: ['business_agent', 'kb_editor'],
    department: 'drainage',
    workNumber: 'SW0005',
  },
  {
    username: 'hotline1',
    displayName: '陈晨（热线办）',
    roles: ['hotline_dispatcher'],
    department: 'hotline',
    workNumber: 'SW0006',
  },
  {
    username: 'legal1',
    displayName: '周洁（法规处）',
    roles: ['kb_reviewer'],
    department: 'legal',
    workNumber: 'SW0007',
  },
  {
    username: 'office1',
    displayName: '吴刚（局办公室）',
    roles: ['supervisor'],
    department: 'general-office',
    workNumber: 'SW0008',
  },
  { username: 'leader1', displayName: '郑局长', roles: ['leader'], department: 'general-office', workNumber: 'SW0009' },
  {
    username: 'auditor1',
    displayName: '审计员',
    roles: ['auditor'],
    department: 'general-office',
    workNumber: 'SW0010',
  },
];
