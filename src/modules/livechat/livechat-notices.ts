import type { DbOrTrx } from '../../platform/db/connect.js';
import type { StoredEvent } from '../../platform/events/event-feed.js';
import { hasRole, type Principal } from '../../platform/policy/principal.js';
import { registerNotice } from '../notifications/notice-registry.js';
import { registerWorkSource, type WorkSourceItem } from '../notifications/work-sources.js';
import { activeUserIdsWithRoles } from '../org/org.repo.js';

const number = (e: StoredEvent) => String(e.data.number ?? '');
const chatLink = (id: string | null) => `/workspace/chats?c=${encodeURIComponent(id ?? '')}`;

/**
 * Live help tells a department's business agents of a conversation handed to it, and supervisors
 * of a first response that came too late (an escalation); a business agent's home lists the
 * conversations waiting for their department.
 */
export function registerLivechatNotices(): void {
  registerNotice({
    type: 'livechat.awaiting_department',
    kind: 'assignment',
    recipients: (db, e) => activeUserIdsWithRoles(db, ['business_agent'], String(e.data.departmentId ?? '') || null),
    title: (e) => ({
      zh: `在线咨询 ${number(e)} 转本部门答复`,
      en: `Live chat ${number(e)} was handed to your department`,
    }),
    link: (e) => chatLink(e.subjectId),
  });
  registerNotice({
    type: 'livechat.first_response_breached',
    kind: 'escalation',
    recipients: (db) => activeUserIdsWithRoles(db, ['supervisor']),
    title: (e) =>
      e.data.afterTransfer
        ? {
            zh: `在线咨询 ${number(e)} 转派后业务客服响应超时`,
            en: `Live chat ${number(e)}: the business agent did not answer in time after the transfer`,
          }
        : { zh: `在线咨询 ${number(e)} 首次响应超时`, en: `Live chat ${number(e)}: first response too late` },
    link: () => '/admin/live-wall',
  });
  registerWorkSource({ name: 'livechat', label: { zh: '在线咨询', en: 'Live help' }, items: livechatWork });
}

/** Conversations waiting for the business agent's department to answer, with the department's due time. */
export async function livechatWork(db: DbOrTrx, p: Principal): Promise<WorkSourceItem[]> {
  if (!hasRole(p, 'business_agent') || !p.departmentId) return [];
  const rows = await db
    .selectFrom('chat_conversations')
    .select(['id', 'number', 'topic', 'department_due_at'])
    .where('status', '=', 'awaiting_department')
    .where('department_id', '=', p.departmentId)
    .orderBy('department_due_at')
    .limit(100)
    .execute();
  return rows.map((c) => ({
    title: { zh: `待部门答复：${c.topic.slice(0, 40)}`, en: `Awaiting your department: ${c.topic.slice(0, 40)}` },
    reference: c.number,
    link: chatLink(c.id),
    dueAt: c.department_due_at,
  }));
}
