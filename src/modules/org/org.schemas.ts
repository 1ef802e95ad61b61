import { z } from 'zod';
import { ROLES } from '../../platform/policy/roles.js';
import {
  DEPARTMENT_KINDS,
  MATTER_CATEGORIES as CATEGORIES,
  MATTER_KINDS,
  USER_STATUSES,
} from '../../contracts/enums.js';

const text = (max: number) => z.string().trim().min(1).max(max);
export const ZId = z.object({ id: z.string().min(1).max(64) });

export const ZCreateDepartment = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case letters, digits and -'),
  nameZh: text(60),
  nameEn: text(100),
  kind: z.enum(DEPARTMENT_KINDS),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});
export const ZUpdateDepartment = ZCreateDepartment.omit({ code: true })
  .partial()
  .extend({ active: z.boolean().optional() });

const ZPhone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, 'digits only')
  .nullable()
  .optional();
/** 工号: shown to citizens with the agent's name (seed art. 7); unique when set. */
export const ZWorkNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,20}$/, '2–20 letters, digits, -')
  .nullable()
  .optional();
export const ZUsername = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,40}$/, '3–40 letters, digits, _ . -');

export const ZCreateUser = z.object({
  username: ZUsername,
  displayName: text(40),
  password: z.string().min(1).max(128),
  departmentId: z.string().max(64).nullable().optional(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
  phone: ZPhone,
  workNumber: ZWorkNumber,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  displayName: text(40).optional(),
  departmentId: z.string().max(64).nullable().optional(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
  phone: ZPhone,
  workNumber: ZWorkNumber,
});
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZResetPassword = z.object({ password: z.string().min(1).max(128) });

export const ZListUsers = z.object({
  q: z.string().max(60).optional(),
  departmentId: z.string().max(64).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export { MATTER_KINDS, CATEGORIES };

export const ZCreateMatter = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{2,40}$/),
  name: text(100),
  kind: z.enum(MATTER_KINDS),
  ownerDepartmentId: z.string().min(1).max(64),
  liveHelp: z.boolean().default(true),
  guideUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  category: z.enum(CATEGORIES),
});
export const ZUpdateMatter = ZCreateMatter.omit({ code: true }).partial().extend({ active: z.boolean().optional() });
export type TCreateMatter = z.infer<typeof ZCreateMatter>;

export const ZListMatters = z.object({
  q: z.string().max(60).optional(),
  departmentId: z.string().max(64).optional(),
  kind: z.enum(MATTER_KINDS).optional(),
  category: z.enum(CATEGORIES).optional(),
  liveHelp: z.enum(['true', 'false']).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
