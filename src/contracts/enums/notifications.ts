import type { Bilingual } from './common.js';

/** What a notice is about: a case given to me, a reminder before a due time, an overdue case, an escalation. */
export const NOTIFICATION_KINDS = ['assignment', 'reminder', 'overdue', 'escalation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, Bilingual> = {
  assignment: { zh: '待办分派', en: 'Assignment' },
  reminder: { zh: '到期提醒', en: 'Reminder' },
  overdue: { zh: '已超期', en: 'Overdue' },
  escalation: { zh: '督办升级', en: 'Escalation' },
};

/** The outbox of e-mails and webhook calls: waiting (or retrying), being sent, sent, given up (dead letter). */
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, Bilingual> = {
  pending: { zh: '待发送', en: 'Waiting' },
  sending: { zh: '发送中', en: 'Sending' },
  sent: { zh: '已发送', en: 'Sent' },
  dead: { zh: '发送失败', en: 'Failed (dead letter)' },
};

/**
 * e-mail and department webhooks (the notification centre's own), and channels other modules
 * register (`registerDeliveryChannel`): `api_callback` = a signed result sent to a client system
 * of the integration API (the 12345 city platform).
 */
export const DELIVERY_CHANNELS = ['email', 'webhook', 'api_callback'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_CHANNEL_LABELS: Record<DeliveryChannel, Bilingual> = {
  email: { zh: '电子邮件', en: 'E-mail' },
  webhook: { zh: '群机器人 Webhook', en: 'Webhook' },
  api_callback: { zh: '对接系统回调', en: 'API client callback' },
};

/** Where a "my work" item stands against its due time. */
export const WORK_BUCKETS = ['overdue', 'today', 'soon', 'waiting'] as const;
export type WorkBucket = (typeof WORK_BUCKETS)[number];

export const WORK_BUCKET_LABELS: Record<WorkBucket, Bilingual> = {
  overdue: { zh: '已超期', en: 'Overdue' },
  today: { zh: '今日到期', en: 'Due today' },
  soon: { zh: '即将到期', en: 'Due soon' },
  waiting: { zh: '待处理', en: 'Waiting' },
};
