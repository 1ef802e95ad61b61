import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';

const none = z.object({});
const changes = z.object({ changes: z.record(z.string(), z.unknown()) });

/** What the organisation module records: sign-ins, accounts, departments, matters, seeding. */
export const orgEvents = defineEvents({
  'auth.login': { label: { zh: '登录', en: 'Signed in' }, data: none },
  'auth.logout': { label: { zh: '退出登录', en: 'Signed out' }, data: none },
  'auth.login_failed': {
    label: { zh: '登录失败', en: 'Sign-in failed' },
    data: z.object({
      username: z.string().optional(),
      reason: z.enum(['unknown_user', 'account_disabled']).optional(),
      failedAttempts: z.number().int().optional(),
    }),
  },
  'auth.locked': {
    label: { zh: '账号被锁定', en: 'Account locked' },
    data: z.object({ username: z.string(), failedAttempts: z.number().int(), lockedMinutes: z.number() }),
  },
  'user.created': {
    label: { zh: '新建用户', en: 'User created' },
    data: z.object({
      username: z.string(),
      displayName: z.string(),
      roles: z.array(z.string()),
      departmentId: z.string().nullable(),
    }),
  },
  'user.updated': {
    label: { zh: '修改用户', en: 'User updated' },
    data: changes.extend({
      before: z.object({ departmentId: z.string().nullable(), roles: z.array(z.string()) }),
    }),
  },
  'user.password_reset': { label: { zh: '重置密码', en: 'Password reset' }, data: none },
  'user.disabled': { label: { zh: '停用用户', en: 'User disabled' }, data: none },
  'user.enabled': { label: { zh: '启用用户', en: 'User enabled' }, data: none },
  'department.created': {
    label: { zh: '新建部门', en: 'Department created' },
    data: z.object({ code: z.string(), nameZh: z.string() }).loose(),
  },
  'department.updated': { label: { zh: '修改部门', en: 'Department updated' }, data: changes },
  'matter.created': {
    label: { zh: '新建事项', en: 'Matter created' },
    data: z.object({ code: z.string(), name: z.string(), ownerDepartmentId: z.string() }).loose(),
  },
  'matter.updated': { label: { zh: '修改事项', en: 'Matter updated' }, data: changes },
  'org.seeded': {
    label: { zh: '初始化组织数据', en: 'Organisation seeded' },
    data: z.object({ departments: z.number().int() }),
  },
  'org.demo_accounts_seeded': {
    label: { zh: '创建演示账号', en: 'Demo accounts created' },
    data: z.object({ count: z.number().int() }),
  },
});
