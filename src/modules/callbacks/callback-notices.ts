import type { DbOrTrx } from '../../platform/db/connect.js';
import type { StoredEvent } from '../../platform/events/event-feed.js';
import type { Principal } from '../../platform/policy/principal.js';
import { hasRole } from '../../platform/policy/principal.js';
import { registerNotice } from '../notifications/notice-registry.js';
import { registerWorkSource } from '../notifications/work-sources.js';
import { activeUserIdsWithRoles } from '../org/org.repo.js';
import { addDays, shanghaiDate, shanghaiMidnight } from '../../platform/calendar/shanghai-time.js';
import { CALLBACK_MACHINE } from './transitions.js';

/** Who works callback cases: front-line staff (the window and the hotline office). */
const HANDLERS = ['window_agent', 'hotline_dispatcher'] as const;

/**
 * The handlers a case concerns: those of its department, or — a case of no department (the
 * bot's messages) or of a department without handlers — every handler.
 */
export async function callbackHandlers(db: DbOrTrx, departmentId: string | null): Promise<string[]> {
  if (departmentId) {
    const own = await activeUserIdsWithRoles(db, HANDLERS, departmentId);
    if (own.length) return own;
  }
  return activeUserIdsWithRoles(db, HANDLERS);
}

const number = (e: StoredEvent) => String(e.data.number ?? '');
const link = (e: StoredEvent) => `/workspace/callbacks?id=${encodeURIComponent(e.subjectId ?? '')}`;
const recipients = (db: DbOrTrx, e: StoredEvent) => callbackHandlers(db, e.departmentId);

/** Callback cases notify their handlers when opened, before they are due and when overdue; front-line homes list them. */
export function registerCallbackNotices(): void {
  registerNotice({
    type: 'callback.created',
    kind: 'assignment',
    recipients,
    title: (e) => ({ zh: `新的留言回电 ${number(e)}`, en: `New callback case ${number(e)}` }),
    link,
  });
  registerNotice({
    type: 'callback.due_soon',
    kind: 'reminder',
    recipients,
    title: (e) => ({ zh: `留言回电 ${number(e)} 即将到期`, en: `Callback case ${number(e)} is due soon` }),
    link,
  });
  registerNotice({
    type: 'callback.overdue',
    kind: 'overdue',
    recipients,
    title: (e) => ({ zh: `留言回电 ${number(e)} 已超期`, en: `Callback case ${number(e)} is overdue` }),
    link,
  });
  registerWorkSource({
    name: 'callbacks',
    label: { zh: '留言回电', en: 'Callbacks' },
    items: callbackWork,
  });
}

/**
 * A handler's callback work: open cases due within three days, or already overdue. Front-line
 * handlers work every channel's cases (the callbacks list is not split by department either);
 * others (who do not work callbacks) get nothing.
 */
export async function callbackWork(db: DbOrTrx, p: Principal, now: Date) {
  if (!hasRole(p, ...HANDLERS)) return [];
  const horizon = new Date(shanghaiMidnight(addDays(shanghaiDate(now), 3))).toISOString();
  const rows = await db
    .selectFrom('callback_requests')
    .select(['id', 'number', 'question', 'due_at'])
    .where('status', '=', 'open')
    .where('due_at', '<', horizon)
    .orderBy('due_at')
    .limit(100)
    .execute();
  return rows.map((c) => ({
    title: {
      zh: `${CALLBACK_MACHINE.statuses.open.zh}：${c.question.slice(0, 40)}`,
      en: `${CALLBACK_MACHINE.statuses.open.en}: ${c.question.slice(0, 40)}`,
    },
    reference: c.number,
    link: `/workspace/callbacks?id=${encodeURIComponent(c.id)}`,
    dueAt: c.due_at,
  }));
}
