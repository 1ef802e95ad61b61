import type { Generated } from 'kysely';

/**
 * The database as Kysely sees it. Portable conventions (same on SQLite and PostgreSQL):
 * ids are text UUIDs, times are ISO-8601 UTC text (sortable), booleans are 0/1 integers,
 * structured values are JSON text. Only `events.id` is a database-generated integer,
 * because event consumers tail the table in id order.
 */
export interface Database {
  departments: DepartmentTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  matters: MatterTable;
  calendar_days: CalendarDayTable;
  service_hours: ServiceHoursTable;
  events: EventTable;
  jobs: JobTable;
  idempotency_keys: IdempotencyKeyTable;
  settings: SettingTable;
}

export interface DepartmentTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  kind: string; // 'office' | 'owner' | 'hotline' | 'service'
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  department_id: string | null;
  phone: string | null;
  status: string; // 'active' | 'disabled'
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  id: string; // sha256 of the cookie token
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface MatterTable {
  id: string;
  code: string;
  name: string;
  kind: string; // '依申请权力事项' | '公共服务事项'
  owner_department_id: string;
  live_help: number;
  guide_url: string | null;
  category: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface CalendarDayTable {
  date: string; // YYYY-MM-DD, Asia/Shanghai
  kind: string; // 'holiday' | 'workday'
  name: string | null;
  source: string; // 'preloaded' | 'admin' | 'import'
  updated_at: string;
}

export interface ServiceHoursTable {
  channel: string; // 'live_help' | 'offline_hall'
  periods: string; // JSON [{start,end}]
  updated_at: string;
}

export interface EventTable {
  id: Generated<number>;
  type: string;
  actor_id: string | null;
  actor_label: string | null;
  subject_type: string | null;
  subject_id: string | null;
  department_id: string | null;
  data: string; // JSON
  ip: string | null;
  request_id: string | null;
  created_at: string;
}

export interface JobTable {
  id: string; // deterministic: `${name}:${key}`
  name: string;
  payload: string; // JSON
  run_at: string;
  status: string; // 'pending' | 'running' | 'done' | 'failed'
  attempts: number;
  locked_by: string | null;
  locked_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface IdempotencyKeyTable {
  key: string; // scope + client key
  request_hash: string;
  status_code: number | null;
  response: string | null;
  created_at: string;
}

export interface SettingTable {
  key: string;
  value: string; // JSON
  updated_at: string;
}
