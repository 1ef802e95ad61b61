import { z } from 'zod';
import { defineEvents } from '../../platform/events/record-event.js';
import { PERSONAL_SUBJECT } from '../../platform/realtime/live-updates.js';

/**
 * What the notification centre records. A user's own events name the user as their subject
 * (`user_inbox`, see `inboxSubject`): the live socket pushes them to that user only.
 */
export const notificationEvents = defineEvents({
  'notification.created': {
    label: { zh: '发送通知', en: 'Notification sent' },
    data: z.object({ notificationId: z.string(), kind: z.string(), eventId: z.number().int() }),
  },
  'notification.read': {
    label: { zh: '通知已读', en: 'Notifications read' },
    data: z.object({ count: z.number().int(), all: z.boolean() }),
  },
  'notification.prefs_changed': {
    label: { zh: '修改通知设置', en: 'Notification settings changed' },
    data: z.object({ kinds: z.array(z.string()), email: z.boolean() }),
  },
  'notification.channel_saved': {
    label: { zh: '设置部门通知渠道', en: 'Department channel saved' },
    data: z.object({ emails: z.number().int(), webhook: z.boolean(), enabled: z.boolean() }),
  },
  'notification.channel_removed': {
    label: { zh: '删除部门通知渠道', en: 'Department channel removed' },
    data: z.object({}),
  },
  'notification.delivery_dead': {
    label: { zh: '通知投递失败', en: 'Notice delivery gave up' },
    data: z.object({ channel: z.string(), attempts: z.number().int(), error: z.string() }),
  },
  'notification.delivery_replayed': {
    label: { zh: '重新投递通知', en: 'Notice delivery replayed' },
    data: z.object({ channel: z.string() }),
  },
});

/** The subject of a user's own notification events (pushed live to that user only). */
export function inboxSubject(user: { id: string; label?: string }) {
  return { subjectType: PERSONAL_SUBJECT, subjectId: user.id, subjectLabel: user.label ?? null };
}
