/** Client systems of the integration API (issue 8: the 12345 city platform). */
import type { Bilingual } from './common.js';

/** What a client system may do: push 12345 orders; receive the results of its orders by callback. */
export const API_SCOPES = ['orders:push', 'orders:results'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const API_SCOPE_LABELS: Record<ApiScope, Bilingual> = {
  'orders:push': { zh: '推送工单', en: 'Push orders' },
  'orders:results': { zh: '接收办理结果回调', en: 'Receive results by callback' },
};

export const API_CLIENT_STATUSES = ['active', 'revoked'] as const;
export type ApiClientStatus = (typeof API_CLIENT_STATUSES)[number];
export const API_CLIENT_STATUS_LABELS: Record<ApiClientStatus, Bilingual> = {
  active: { zh: '启用中', en: 'Active' },
  revoked: { zh: '已吊销', en: 'Revoked' },
};

/** How long a rotated key keeps working beside its successor (stated in the admin screen and the docs). */
export const KEY_GRACE_HOURS = 24;

/** The results of a 12345 order that go back to the city platform. */
export const HOTLINE_RESULT_KINDS = ['replied', 'extended', 'closed'] as const;
export type HotlineResultKind = (typeof HOTLINE_RESULT_KINDS)[number];
