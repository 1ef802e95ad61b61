import type { Db, Trx } from '../../../platform/db/connect.js';
import { addWorkingDays, shanghaiDate } from '../../../platform/calendar/index.js';
import { nextCounter } from '../../../platform/db/counters.js';
import { AppError } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import { newId } from '../../../platform/ids.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import type { WorkingTimeService } from '../../calendar/working-time-service.js';
import type { TTransferCall } from '../phone.schemas.js';
import { matterOwner, requireCall, requireDepartment, type FormRow } from '../phone.repo.js';
import { CALL_MACHINE, FORM_MACHINE } from '../transitions.js';

/** The owner department replies within this many working days of the transfer (seed art. 10.1). */
export const PHONE_FORM_WORKING_DAYS = 1;

export interface PhoneDeps {
  db: Db;
  workingTime: WorkingTimeService;
}

/** The due time of a form transferred at `at`: one working day, by close of business, on the working-time engine. */
export async function formDueAt(workingTime: WorkingTimeService, at: Date): Promise<string> {
  const cal = await workingTime.getCalendar();
  return addWorkingDays(cal, at, PHONE_FORM_WORKING_DAYS, await workingTime.closeOfBusiness()).toISOString();
}

/** DH + year + month + a 4-digit sequence of the month (DH2026120001), one statement so nodes never share one. */
async function nextFormNumber(trx: Trx, now: Date): Promise<string> {
  const ym = shanghaiDate(now).slice(0, 7).replace('-', '');
  const seq = await nextCounter(trx, `phone_form:${ym}`);
  return `DH${ym}${String(seq).padStart(4, '0')}`;
}

export const formSubject = (f: Pick<FormRow, 'id' | 'number' | 'department_id'>) => ({
  subjectType: 'phone_form',
  subjectId: f.id,
  subjectLabel: f.number,
  departmentId: f.department_id,
});

/**
 * A complex question the window cannot answer on the spot becomes a numbered phone transfer form
 * (填制《电话咨询答复流转单》) for the owner department, due one working day later (stored).
 */
export async function transferCall(
  deps: PhoneDeps,
  actor: Actor,
  now: Date,
  callId: string,
  input: TTransferCall,
): Promise<{ id: string; number: string; dueAt: string }> {
  const call = await requireCall(deps.db, callId);
  const departmentId = input.departmentId ?? (call.matter_id ? await matterOwner(deps.db, call.matter_id) : null);
  if (!departmentId)
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '请选择承办部门。', en: 'Choose the handling department.' },
      { field: 'departmentId' },
    );
  await requireDepartment(deps.db, departmentId);
  const dueAt = await formDueAt(deps.workingTime, now);
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const id = newId();
    const number = await nextFormNumber(trx, now);
    // the call moves first: of two transfers of one call, the second gets 409 before any form exists
    await transition(trx, CALL_MACHINE, {
      id: callId,
      action: 'transfer',
      actor,
      now,
      row: call,
      set: () => ({ form_id: id, updated_at: at }),
      event: () => ({
        type: 'phone.call_transferred',
        subjectType: 'phone_call',
        subjectId: callId,
        subjectLabel: `来电 ${call.caller_name}`,
        departmentId,
        data: { callId, formId: id, number },
      }),
    });
    const row = {
      id,
      number,
      call_id: callId,
      type: call.type,
      caller_name: call.caller_name,
      phone: call.phone,
      matter_id: call.matter_id,
      department_id: departmentId,
      content: input.content ?? call.content,
      status: 'transferred',
      transferred_at: at,
      due_at: dueAt,
      pending_alert: 'remind',
      reminded_at: null,
      overdue_at: null,
      escalated_at: null,
      reply: null,
      answered: null,
      handler_name: null,
      head_name: null,
      reply_on: null,
      replied_by: null,
      replied_at: null,
      return_reason: null,
      returned_at: null,
      kb_updated: null,
      kb_proposal_id: null,
      kb_entry_id: null,
      kb_entry_on: null,
      no_kb_reason: null,
      closed_by: null,
      closed_at: null,
      created_by: actor.userId,
      created_at: at,
      created_on: shanghaiDate(now),
      updated_at: at,
    };
    await trx.insertInto('phone_forms').values(row).execute();
    await recordEvent(trx, actor, now, {
      type: 'phone.form_transferred',
      ...formSubject(row),
      data: { formId: id, number, from: null, to: 'transferred', departmentId, dueAt },
    });
    return { id, number, dueAt };
  });
}

/** The window sends a returned form on (to the right department); a new one-working-day clock starts. */
export async function retransferForm(
  deps: PhoneDeps,
  actor: Actor,
  now: Date,
  form: FormRow,
  departmentId: string,
): Promise<void> {
  await requireDepartment(deps.db, departmentId);
  const dueAt = await formDueAt(deps.workingTime, now);
  const at = now.toISOString();
  await deps.db.transaction().execute((trx) =>
    transition(trx, FORM_MACHINE, {
      id: form.id,
      action: 'retransfer',
      actor,
      now,
      row: form,
      set: () => ({
        department_id: departmentId,
        transferred_at: at,
        due_at: dueAt,
        // the deadline alerts start again against the new due time
        pending_alert: 'remind',
        reminded_at: null,
        overdue_at: null,
        escalated_at: null,
        updated_at: at,
      }),
      event: (f, to) => ({
        type: 'phone.form_transferred',
        ...formSubject({ ...f, department_id: departmentId }),
        data: { formId: f.id, number: f.number, from: f.status, to, departmentId, dueAt },
      }),
    }),
  );
}
