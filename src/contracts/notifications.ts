import { z } from 'zod';
import { ZBilingual, listOf } from './common.js';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, NOTIFICATION_KINDS, WORK_BUCKETS } from './enums/notifications.js';

/** One notice in the signed-in user's notification centre. */
export const ZNotification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: ZBilingual,
  /** where the case opens in the web app (an app path, e.g. /workspace/callbacks?id=…) */
  link: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

/** A page of my notices, newest first; `next` is the cursor of the following page (null at the end). */
export const ZNotificationPage = z.object({
  items: z.array(ZNotification),
  next: z.string().nullable(),
  unread: z.number().int(),
});
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

export const ZUnreadCount = z.object({ unread: z.number().int() });
export type TUnreadCount = z.infer<typeof ZUnreadCount>;

/** Which notices a staff member receives, per kind: in the centre, and by e-mail to their own address. */
export const ZNotificationPrefs = z.object({
  email: z.string().nullable(),
  kinds: z.array(z.object({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), email: z.boolean() })),
  /** whether the server can send e-mail at all (SMTP_URL set) */
  emailAvailable: z.boolean(),
});
export type TNotificationPrefs = z.infer<typeof ZNotificationPrefs>;

/** A department's outside channels: e-mail addresses over SMTP and a webhook (e.g. a WeCom group robot). */
export const ZDepartmentChannel = z.object({
  departmentId: z.string(),
  departmentName: ZBilingual,
  emails: z.array(z.string()),
  webhookUrl: z.string().nullable(),
  enabled: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type TDepartmentChannel = z.infer<typeof ZDepartmentChannel>;
export const ZDepartmentChannelList = listOf(ZDepartmentChannel);

/** One e-mail or webhook call of the outbox (an administrator sees the dead letters and replays them). */
export const ZDelivery = z.object({
  id: z.string(),
  channel: z.enum(DELIVERY_CHANNELS),
  /** the address, or the webhook's host (its path may hold a key and is not shown) */
  target: z.string(),
  subject: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TDelivery = z.infer<typeof ZDelivery>;
export const ZDeliveryList = listOf(ZDelivery);

/** One thing waiting for me in some module, with where it stands against its due time. */
export const ZWorkItem = z.object({
  source: z.string(),
  sourceLabel: ZBilingual,
  bucket: z.enum(WORK_BUCKETS),
  title: ZBilingual,
  /** e.g. the case number or the entry's code */
  reference: z.string().nullable(),
  link: z.string(),
  dueAt: z.string().nullable(),
});
export type TWorkItem = z.infer<typeof ZWorkItem>;

/** "My work": everything waiting for the signed-in user, across modules, most urgent first. */
export const ZMyWork = z.object({
  items: z.array(ZWorkItem),
  counts: z.object({
    overdue: z.number().int(),
    today: z.number().int(),
    soon: z.number().int(),
    waiting: z.number().int(),
  }),
});
export type TMyWork = z.infer<typeof ZMyWork>;
