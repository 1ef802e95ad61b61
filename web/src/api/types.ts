/** Shapes of the server's answers (see /api/docs). */

export type Role =
  | 'window_agent'
  | 'business_agent'
  | 'hotline_dispatcher'
  | 'kb_editor'
  | 'kb_reviewer'
  | 'supervisor'
  | 'leader'
  | 'admin'
  | 'auditor';
export const ROLES: Role[] = [
  'window_agent',
  'business_agent',
  'hotline_dispatcher',
  'kb_editor',
  'kb_reviewer',
  'supervisor',
  'leader',
  'admin',
  'auditor',
];
/** Roles that only make sense with a department (the server refuses them without one). */
export const DEPARTMENT_ROLES: Role[] = ['business_agent', 'kb_editor'];

export interface Bilingual {
  zh: string;
  en: string;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  departmentCode: string | null;
  roles: Role[];
  departmentName: Bilingual | null;
}

export type Me =
  | { user: null; sessionExpired: boolean; demo: boolean }
  | { user: SessionUser; abilities: string[]; home: '/admin' | '/workspace'; demo: boolean };

export interface DemoAccounts {
  password: string;
  accounts: { username: string; displayName: string; roles: Role[]; department: string }[];
}

export type DepartmentKind = 'office' | 'owner' | 'hotline' | 'service';
export interface Department {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: DepartmentKind;
  active: boolean;
  sortOrder: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  departmentName: string | null;
  phone: string | null;
  status: 'active' | 'disabled';
  roles: Role[];
  lastLoginAt: string | null;
  createdAt: string;
  locked: boolean;
}

export type MatterKind = '依申请权力事项' | '公共服务事项';
export type MatterCategory = '水利' | '供水' | '排水' | '海洋' | '其它';
export const MATTER_KINDS: MatterKind[] = ['依申请权力事项', '公共服务事项'];
export const MATTER_CATEGORIES: MatterCategory[] = ['水利', '供水', '排水', '海洋', '其它'];
export interface Matter {
  id: string;
  code: string;
  name: string;
  kind: MatterKind;
  ownerDepartmentId: string;
  ownerDepartmentName: string;
  liveHelp: boolean;
  guideUrl: string | null;
  category: MatterCategory;
  active: boolean;
}

export interface Period {
  start: string;
  end: string;
}
export type Channel = 'live_help' | 'offline_hall';
export interface ChannelStatus {
  label: Bilingual;
  periods: Period[];
  open: boolean;
  nextOpening: string | null;
}
export interface ServiceStatus {
  now: string;
  channels: Record<Channel, ChannelStatus>;
}
export interface ServiceHours {
  items: { channel: Channel; label: Bilingual; periods: Period[] }[];
}

export interface CalendarYears {
  covered: number[];
  preloaded: number[];
  warnings: { code: string; year: number; message: Bilingual }[];
}
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  source: 'preloaded' | 'admin' | 'import';
  weekday: number;
}

export interface AuditEvent {
  id: number;
  type: string;
  /** the event type's name from the server's catalogue (older servers send none) */
  typeLabel?: Bilingual;
  actorId: string | null;
  actor: string | null;
  subjectType: string | null;
  subjectId: string | null;
  /** the name or number of what changed, as it was then (older servers send none) */
  subjectLabel?: string | null;
  departmentId: string | null;
  data: unknown;
  ip: string | null;
  requestId: string | null;
  at: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}
