import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { ZOk } from '../../contracts/common.js';
import {
  ZDeliveryList,
  ZDepartmentChannelList,
  ZMyWork,
  ZNotificationPage,
  ZNotificationPrefs,
  ZUnreadCount,
} from '../../contracts/notifications.js';
import { notificationsPolicy } from './notifications.policy.js';
import { ZListDeliveries, ZListNotifications, ZSaveChannel, ZSavePrefs } from './notifications.schemas.js';
import { listMine, markAllRead, markRead, unreadCount } from './use-cases/inbox.js';
import { getPrefs, savePrefs } from './use-cases/prefs.js';
import { listChannels, listDeliveries, removeChannel, replayDelivery, saveChannel } from './use-cases/channels.js';
import { myWork } from './my-work.js';

const ZId = z.object({ id: z.string().min(1).max(64) });
const ZDepartment = z.object({ departmentId: z.string().min(1).max(64) });

/** The notification centre (each user's own notices and choices), "my work", and the admin's channels and outbox. */
export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const emailAvailable = !!ctx.config.smtpUrl;

  r.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: '我的通知 My notifications',
        querystring: ZListNotifications,
        response: { 200: ZNotificationPage },
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, notificationsPolicy.read);
      return listMine(ctx.db, p, req.query);
    },
  );

  r.get(
    '/api/notifications/unread-count',
    { schema: { tags, summary: '未读通知数 Unread count', response: { 200: ZUnreadCount } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, notificationsPolicy.read);
      return { unread: await unreadCount(ctx.db, p.id) };
    },
  );

  r.post(
    '/api/notifications/read-all',
    { schema: { tags, summary: '全部标为已读 Mark all read', response: { 200: ZUnreadCount } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, notificationsPolicy.read);
      await markAllRead(ctx.db, actorOf(req), p, req.now);
      return { unread: 0 };
    },
  );

  r.post(
    '/api/notifications/:id/read',
    { schema: { tags, summary: '标为已读 Mark read', params: ZId, response: { 200: ZOk } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, notificationsPolicy.read);
      await markRead(ctx.db, actorOf(req), p, req.now, req.params.id);
      return { ok: true };
    },
  );

  r.get(
    '/api/notifications/prefs',
    { schema: { tags, summary: '通知设置 My notification settings', response: { 200: ZNotificationPrefs } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, notificationsPolicy.read);
      return getPrefs(ctx.db, p.id, emailAvailable);
    },
  );

  r.put(
    '/api/notifications/prefs',
    {
      schema: {
        tags,
        summary: '保存通知设置 Save my notification settings',
        body: ZSavePrefs,
        response: { 200: ZNotificationPrefs },
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, notificationsPolicy.read);
      await savePrefs(ctx.db, actorOf(req), p, req.now, req.body);
      return getPrefs(ctx.db, p.id, emailAvailable);
    },
  );

  r.get(
    '/api/my-work',
    { schema: { tags, summary: '我的待办 My work across modules', response: { 200: ZMyWork } } },
    async (req) => {
      const p = requireUser(req);
      authorize(p, notificationsPolicy.myWork);
      return myWork(ctx.db, p, req.now);
    },
  );

  r.get(
    '/api/notification-channels',
    { schema: { tags, summary: '部门通知渠道 Department channels', response: { 200: ZDepartmentChannelList } } },
    async (req) => {
      authorize(requireUser(req), notificationsPolicy.manageChannels);
      return { items: await listChannels(ctx.db) };
    },
  );

  r.put(
    '/api/notification-channels/:departmentId',
    {
      schema: {
        tags,
        summary: '设置部门通知渠道 Set a department channel',
        params: ZDepartment,
        body: ZSaveChannel,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      authorize(requireUser(req), notificationsPolicy.manageChannels);
      await saveChannel(ctx.db, actorOf(req), req.now, req.params.departmentId, req.body);
      return { ok: true };
    },
  );

  r.delete(
    '/api/notification-channels/:departmentId',
    {
      schema: {
        tags,
        summary: '删除部门通知渠道 Remove a department channel',
        params: ZDepartment,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      authorize(requireUser(req), notificationsPolicy.manageChannels);
      await removeChannel(ctx.db, actorOf(req), req.now, req.params.departmentId);
      return { ok: true };
    },
  );

  r.get(
    '/api/notification-deliveries',
    {
      schema: {
        tags,
        summary: '邮件与 Webhook 投递记录 Outbox',
        querystring: ZListDeliveries,
        response: { 200: ZDeliveryList },
      },
    },
    async (req) => {
      authorize(requireUser(req), notificationsPolicy.manageChannels);
      return { items: await listDeliveries(ctx.db, req.query.status) };
    },
  );

  r.post(
    '/api/notification-deliveries/:id/replay',
    { schema: { tags, summary: '重新投递 Replay a dead letter', params: ZId, response: { 200: ZOk } } },
    async (req) => {
      authorize(requireUser(req), notificationsPolicy.manageChannels);
      await replayDelivery(ctx.db, actorOf(req), req.now, req.params.id);
      return { ok: true };
    },
  );
}
