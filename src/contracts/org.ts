import { z } from 'zod';
import { ZBilingual, listOf, pageOf } from './common.js';
import type { Ability } from '../modules/abilities.js';
import { DEPARTMENT_KINDS, MATTER_CATEGORIES, MATTER_KINDS, ROLES, USER_STATUSES } from './enums.js';

/** Answers of the organisation module: sign-in, departments, users, the matter catalogue (SPEC §2). */

export const ZSessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.string().nullable(),
  departmentCode: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  departmentName: ZBilingual.nullable(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

/** Who is signed in, with the abilities the web app uses to show only what is allowed. */
export const ZMe = z.union([
  z.object({
    user: ZSessionUser,
    /** the names of the modules' abilities (src/modules/abilities.ts); on the wire, strings */
    abilities: z.array(z.string() as z.ZodType<Ability>),
    home: z.enum(['/admin', '/workspace']),
    demo: z.boolean(),
  }),
  z.object({ user: z.null(), sessionExpired: z.boolean(), demo: z.boolean() }),
]);
export type TMe = z.infer<typeof ZMe>;

export const ZDemoAccounts = z.object({
  password: z.string(),
  accounts: z.array(
    z.object({ username: z.string(), displayName: z.string(), roles: z.array(z.enum(ROLES)), department: z.string() }),
  ),
});
export type TDemoAccounts = z.infer<typeof ZDemoAccounts>;

export const ZDepartment = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(DEPARTMENT_KINDS),
  active: z.boolean(),
  sortOrder: z.number(),
});
export type TDepartment = z.infer<typeof ZDepartment>;
export const ZDepartmentList = listOf(ZDepartment);

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  phone: z.string().nullable(),
  /** 工号, shown to citizens with the name */
  workNumber: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  roles: z.array(z.enum(ROLES)),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  locked: z.boolean(),
});
export type TUser = z.infer<typeof ZUser>;
export const ZUserPage = pageOf(ZUser);

export const ZMatter = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(MATTER_KINDS),
  ownerDepartmentId: z.string(),
  ownerDepartmentName: z.string().nullable(),
  liveHelp: z.boolean(),
  guideUrl: z.string().nullable(),
  category: z.enum(MATTER_CATEGORIES),
  active: z.boolean(),
});
export type TMatter = z.infer<typeof ZMatter>;
export const ZMatterList = listOf(ZMatter);
