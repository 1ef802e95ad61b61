/** Live-help duty (seed art. 7 按时签录、签出) and staff conduct. */
import type { Bilingual } from './common.js';

/** An agent is on or off live-help duty. */
export const DUTY_STATUSES = ['off', 'on'] as const;

export type DutyStatus = (typeof DUTY_STATUSES)[number];

export const DUTY_STATUS_LABELS: Record<DutyStatus, Bilingual> = {
  off: { zh: '未签到', en: 'Off duty' },
  on: { zh: '在岗', en: 'On duty' },
};

/**
 * Why a sign-in or sign-out happened: the agent, the end of live-help hours, a supervisor, or the
 * agent's sign-in to Bangban ending (idle or expired session) while on duty.
 */
export const DUTY_REASONS = ['self', 'end_of_hours', 'admin', 'session_ended'] as const;

export type DutyReason = (typeof DUTY_REASONS)[number];

export const DUTY_REASON_LABELS: Record<DutyReason, Bilingual> = {
  self: { zh: '本人操作', en: 'By the agent' },
  end_of_hours: { zh: '服务时间结束自动签出', en: 'Signed out at the end of hours' },
  admin: { zh: '督办/管理员操作', en: 'By a supervisor' },
  session_ended: { zh: '登录已失效，自动签出', en: 'Signed out: the sign-in ended' },
};

/** The roles that sign in to live-help duty. */
export const DUTY_ROLES = ['window_agent', 'business_agent'] as const;

export type DutyRole = (typeof DUTY_ROLES)[number];
