import type { DbOrTrx } from '../../platform/db/connect.js';
import type { StoredEvent } from '../../platform/events/event-feed.js';
import { hasRole, type Principal } from '../../platform/policy/principal.js';
import { PHONE_FORM_STATUS_LABELS, type PhoneFormStatus } from '../../contracts/enums/phone.js';
import { registerNotice } from '../notifications/notice-registry.js';
import { registerWorkSource, type WorkSourceItem } from '../notifications/work-sources.js';
import { activeUserIdsWithRoles } from '../org/org.repo.js';

const number = (e: StoredEvent) => String(e.data.number ?? '');
/** Where a form opens in the workspace (the forms list opens its drawer). */
export const formLink = (id: string | null) => `/workspace/phone-forms?open=${encodeURIComponent(id ?? '')}`;
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

/**
 * Phone transfer forms (seed art. 10.1) tell the owner department's business agents when a form is
 * sent to them (again) and when it is overdue, and the window agent who sent it when the department
 * replied or returned it (the window closes it or sends it on).
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
 * 1 working day after the transfer); the window's forms replied (to close) or returned (to send on).
 */
export async function phoneWork(db: DbOrTrx, p: Principal): Promise<WorkSourceItem[]> {
  let q = db.selectFrom('phone_forms').select(['id', 'number', 'content', 'status', 'due_at']);
  if (hasRole(p, 'business_agent') && p.departmentId)
    q = q.where('department_id', '=', p.departmentId).where('status', '=', 'transferred');
  else if (hasRole(p, 'window_agent')) q = q.where('status', 'in', ['replied', 'returned']);
  else return [];
  const rows = await q.orderBy('due_at').orderBy('id').limit(LIMIT).execute();
  return rows.map((f) => {
    const label = PHONE_FORM_STATUS_LABELS[f.status as PhoneFormStatus];
    return {
      title: { zh: `${label.zh}：${f.content.slice(0, 40)}`, en: `${label.en}: ${f.content.slice(0, 40)}` },
      reference: f.number,
      link: formLink(f.id),
      dueAt: f.status === 'transferred' ? f.due_at : null,
    };
  });
}
