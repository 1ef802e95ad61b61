import type { DbOrTrx } from '../../platform/db/connect.js';
import type { StoredEvent } from '../../platform/events/event-feed.js';
import { hasRole, type Principal } from '../../platform/policy/principal.js';
import { PHONE_FORM_STATUS_LABELS, type PhoneFormStatus } from '../../contracts/enums/phone.js';
import { registerNotice } from '../notifications/notice-registry.js';
import { registerWorkSource, type WorkSourceItem } from '../notifications/work-sources.js';
import { activeUserIdsWithRoles } from '../org/org.repo.js';

const number = (e: StoredEvent) => String(e.data.number ?? '');
/** Where a form opens (the forms list opens its drawer): the workspace, or the back office for oversight. */
export const formLink = (id: string | null, app: 'workspace' | 'admin' = 'workspace') =>
  `/${app}/phone-forms?open=${encodeURIComponent(id ?? '')}`;
const link = (e: StoredEvent) => formLink(e.subjectId);

const departmentAgents = (db: DbOrTrx, e: StoredEvent) =>
  activeUserIdsWithRoles(db, ['business_agent'], String(e.data.departmentId ?? e.departmentId ?? '') || null);

/** The window agent who sent the form; every window agent when that account is gone. */
async function sender(db: DbOrTrx, e: StoredEvent): Promise<string[]> {
  const f = e.subjectId
    ? await db.selectFrom('phone_forms').select('created_by').where('id', '=', e.subjectId).executeTakeFirst()
    : undefined;
  const window = await activeUserIdsWithRoles(db, ['window_agent']);
  return f?.created_by && window.includes(f.created_by) ? [f.created_by] : window;
}

/** The hotline office and the general office (supervisors): where overdue cases are escalated (督办). */
const oversight = async (db: DbOrTrx) => [
  ...(await activeUserIdsWithRoles(db, ['hotline_dispatcher'])),
  ...(await activeUserIdsWithRoles(db, ['supervisor'])),
];

/**
 * Phone transfer forms (seed art. 10.1) tell the owner department's business agents when a form is
 * sent to them (again), before its due time and when it is overdue; the hotline office and the
 * general office when it is still unanswered a working day later (escalated, as work orders); and
 * the window agent who sent it when the department replied or returned it (to close or send on).
 */
export function registerPhoneNotices(): void {
  registerNotice({
    type: 'phone.form_transferred',
    kind: 'assignment',
    recipients: departmentAgents,
    title: (e) => ({ zh: `新的电话转办单 ${number(e)}`, en: `New phone transfer form ${number(e)}` }),
    link,
  });
  registerNotice({
    type: 'phone.transfer_reminded',
    kind: 'reminder',
    recipients: departmentAgents,
    title: (e) => ({ zh: `电话转办单 ${number(e)} 即将到期`, en: `Phone transfer form ${number(e)} is due soon` }),
    link,
  });
  registerNotice({
    type: 'phone.transfer_escalated',
    kind: 'escalation',
    recipients: oversight,
    title: (e) => ({
      zh: `超时电话转办单 ${number(e)} 督办`,
      en: `Overdue phone transfer form ${number(e)} escalated`,
    }),
    link: (e) => formLink(e.subjectId, 'admin'),
  });
  registerNotice({
    type: 'phone.transfer_overdue',
    kind: 'overdue',
    recipients: departmentAgents,
    title: (e) => ({ zh: `电话转办单 ${number(e)} 已超时未答复`, en: `Phone transfer form ${number(e)} is overdue` }),
    link,
  });
  registerNotice({
    type: 'phone.form_replied',
    kind: 'assignment',
    recipients: sender,
    title: (e) => ({ zh: `电话转办单 ${number(e)} 已答复，请办结`, en: `Phone transfer form ${number(e)} replied` }),
    link,
  });
  registerNotice({
    type: 'phone.form_returned',
    kind: 'assignment',
    recipients: sender,
    title: (e) => ({ zh: `电话转办单 ${number(e)} 被退回`, en: `Phone transfer form ${number(e)} returned` }),
    link,
  });
  registerWorkSource({ name: 'phone', label: { zh: '电话转办单', en: 'Phone transfer forms' }, items: phoneWork });
}

const LIMIT = 100;

/**
 * "My work" in phone consultation: a business agent's department's forms waiting for a reply (due
 * 1 working day after the transfer); the window's forms replied (to close) or returned (to send on);
 * for the hotline office and the general office, escalated forms still unanswered (督办).
 */
export async function phoneWork(db: DbOrTrx, p: Principal): Promise<WorkSourceItem[]> {
  let q = db.selectFrom('phone_forms').select(['id', 'number', 'content', 'status', 'due_at']);
  if (hasRole(p, 'business_agent') && p.departmentId)
    q = q.where('department_id', '=', p.departmentId).where('status', '=', 'transferred');
  else if (hasRole(p, 'window_agent')) q = q.where('status', 'in', ['replied', 'returned']);
  else if (hasRole(p, 'hotline_dispatcher', 'supervisor'))
    q = q.where('status', '=', 'transferred').where('escalated_at', 'is not', null);
  else return [];
  const app = hasRole(p, 'business_agent', 'window_agent') ? 'workspace' : 'admin';
  const rows = await q.orderBy('due_at').orderBy('id').limit(LIMIT).execute();
  return rows.map((f) => {
    const label = PHONE_FORM_STATUS_LABELS[f.status as PhoneFormStatus];
    return {
      title: { zh: `${label.zh}：${f.content.slice(0, 40)}`, en: `${label.en}: ${f.content.slice(0, 40)}` },
      reference: f.number,
      link: formLink(f.id, app),
      dueAt: f.status === 'transferred' ? f.due_at : null,
    };
  });
}
