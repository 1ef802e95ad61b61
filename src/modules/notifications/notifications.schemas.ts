import { z } from 'zod';
import { DELIVERY_STATUSES, NOTIFICATION_KINDS } from '../../contracts/enums/notifications.js';

export const ZListNotifications = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unread: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

const ZEmail = z.string().trim().toLowerCase().email().max(200);

export const ZSavePrefs = z.object({
  email: ZEmail.nullable().or(z.literal('').transform(() => null)),
  kinds: z
    .array(z.object({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), email: z.boolean() }))
    .max(NOTIFICATION_KINDS.length),
});

/** A webhook: an http(s) address (a WeCom robot: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…). */
const ZWebhookUrl = z
  .string()
  .trim()
  .max(1000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'http(s) only' });

export const ZSaveChannel = z.object({
  emails: z.array(ZEmail).max(20),
  webhookUrl: ZWebhookUrl.nullable().or(z.literal('').transform(() => null)),
  enabled: z.boolean(),
});

export const ZListDeliveries = z.object({ status: z.enum(DELIVERY_STATUSES).optional() });
