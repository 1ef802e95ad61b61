import type { DbOrTrx } from '../../platform/db/connect.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import type { Principal } from '../../platform/policy/principal.js';
import { actionsFrom } from '../../platform/state-machine/state-machine.js';
import { PHONE_CALL_TYPE_LABELS, type PhoneCallType } from '../../contracts/enums/phone.js';
import type { TPhoneCall, TPhoneForm, TPhoneFormItem } from '../../contracts/phone.js';
import { phonePolicy } from './phone.policy.js';
import { departmentNames, matterNames, userName, type CallRow, type FormRow } from './phone.repo.js';
import { CALL_MACHINE, FORM_MACHINE, type PhoneCallStatus, type PhoneFormStatus } from './transitions.js';

/** Calls as the log lists them: phone masked, with the form number once transferred. */
export async function presentCalls(db: DbOrTrx, rows: CallRow[]): Promise<TPhoneCall[]> {
  const matters = await matterNames(
    db,
    rows.map((r) => r.matter_id),
  );
  const formIds = rows.flatMap((r) => (r.form_id ? [r.form_id] : []));
  const forms = formIds.length
    ? await db.selectFrom('phone_forms').select(['id', 'number']).where('id', 'in', formIds).execute()
    : [];
  const numbers = new Map(forms.map((f) => [f.id, f.number]));
  return rows.map((r) => ({
    id: r.id,
    callerName: r.caller_name,
    phone: maskPhone(r.phone) ?? '',
    type: r.type as PhoneCallType,
    typeLabel: PHONE_CALL_TYPE_LABELS[r.type as PhoneCallType],
    matter: r.matter_id ? { id: r.matter_id, name: matters.get(r.matter_id) ?? '' } : null,
    content: r.content,
    status: r.status as PhoneCallStatus,
    statusLabel: CALL_MACHINE.statuses[r.status as PhoneCallStatus],
    answer: r.answer,
    formId: r.form_id,
    formNumber: r.form_id ? (numbers.get(r.form_id) ?? null) : null,
    createdAt: r.created_at,
  }));
}

/** Waiting for the department past the due time (the sweep also flags it once, for the record). */
export function isOverdue(f: FormRow, now: Date): boolean {
  return f.status === 'transferred' && (f.overdue_at !== null || f.due_at < now.toISOString());
}

function item(f: FormRow, dept: Map<string, { zh: string; en: string }>, now: Date): TPhoneFormItem {
  return {
    id: f.id,
    number: f.number,
    type: f.type as PhoneCallType,
    typeLabel: PHONE_CALL_TYPE_LABELS[f.type as PhoneCallType],
    callerName: f.caller_name,
    phone: maskPhone(f.phone) ?? '',
    department: { id: f.department_id, name: dept.get(f.department_id) ?? { zh: '', en: '' } },
    content: f.content,
    status: f.status as PhoneFormStatus,
    statusLabel: FORM_MACHINE.statuses[f.status as PhoneFormStatus],
    transferredAt: f.transferred_at,
    dueAt: f.due_at,
    overdue: isOverdue(f, now),
    repliedAt: f.replied_at,
    createdOn: f.created_on,
  };
}

export async function presentFormItems(db: DbOrTrx, rows: FormRow[], now: Date): Promise<TPhoneFormItem[]> {
  const dept = await departmentNames(
    db,
    rows.map((r) => r.department_id),
  );
  return rows.map((r) => item(r, dept, now));
}

/** What this user may do with the form now: the machine's moves, filtered by who makes each. */
export function formActions(p: Principal, f: FormRow): string[] {
  return actionsFrom(FORM_MACHINE, f.status as PhoneFormStatus).filter((a) =>
    FORM_MACHINE.moves[a].by === 'department'
      ? phonePolicy.replyForm(p, { departmentId: f.department_id })
      : phonePolicy.log(p),
  );
}

/** The whole form (annex 3's fields), full phone number included: the department calls the citizen. */
export async function presentForm(db: DbOrTrx, p: Principal, f: FormRow, now: Date): Promise<TPhoneForm> {
  const dept = await departmentNames(db, [f.department_id]);
  const matters = await matterNames(db, [f.matter_id]);
  const contact = await userName(db, f.created_by);
  return {
    ...item(f, dept, now),
    phone: f.phone,
    matter: f.matter_id ? { id: f.matter_id, name: matters.get(f.matter_id) ?? '' } : null,
    reply: f.reply,
    answered: f.answered === null ? null : f.answered === 1,
    handlerName: f.handler_name,
    headName: f.head_name,
    replyOn: f.reply_on,
    returnReason: f.return_reason,
    returnedAt: f.returned_at,
    kbUpdated: f.kb_updated === null ? null : f.kb_updated === 1,
    kbProposalId: f.kb_proposal_id,
    kbEntryOn: f.kb_entry_on,
    noKbReason: f.no_kb_reason,
    closedAt: f.closed_at,
    windowContact: contact?.name ?? null,
    actions: formActions(p, f),
  };
}
