import type { Db } from '../../../platform/db/connect.js';
import { shanghaiDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/events/record-event.js';
import { authorize } from '../../../platform/policy/authorize.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { transition } from '../../../platform/state-machine/state-machine.js';
import { proposeKbEntry } from '../../knowledge/use-cases/propose-entry.js';
import { phonePolicy } from '../phone.policy.js';
import type { TCloseForm, TReplyForm } from '../phone.schemas.js';
import type { FormRow } from '../phone.repo.js';
import { FORM_MACHINE } from '../transitions.js';
import { formSubject } from './transfer-form.js';

/**
 * The owner department's answer (填写《电话咨询答复流转单》并反馈至窗口): the reply wording,
 * whether the citizen was answered, handler, department head and date; the form goes back to the window.
 */
export async function replyForm(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  form: FormRow,
  input: TReplyForm,
): Promise<void> {
  authorize(p, phonePolicy.replyForm, { departmentId: form.department_id });
  const replyOn = input.replyOn ?? shanghaiDate(now);
  if (replyOn > shanghaiDate(now))
    throw new AppError(
      'VALIDATION_FAILED',
      { zh: '答复日期不能晚于今天。', en: 'The reply date cannot be in the future.' },
      { field: 'replyOn' },
    );
  const at = now.toISOString();
  await db.transaction().execute((trx) =>
    transition(trx, FORM_MACHINE, {
      id: form.id,
      action: 'reply',
      actor,
      now,
      row: form,
      set: () => ({
        reply: input.reply,
        answered: input.answered ? 1 : 0,
        handler_name: input.handlerName,
        head_name: input.headName,
        reply_on: replyOn,
        replied_by: actor.userId,
        replied_at: at,
        pending_alert: null,
        updated_at: at,
      }),
      event: (f, to) => ({
        type: 'phone.form_replied',
        ...formSubject(f),
        data: { formId: f.id, number: f.number, from: f.status, to, answered: input.answered },
      }),
    }),
  );
}

/** Not this department's question: back to the window with the reason, for it to send on. */
export async function returnForm(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  form: FormRow,
  reason: string,
): Promise<void> {
  authorize(p, phonePolicy.replyForm, { departmentId: form.department_id });
  const at = now.toISOString();
  await db.transaction().execute((trx) =>
    transition(trx, FORM_MACHINE, {
      id: form.id,
      action: 'return',
      actor,
      now,
      row: form,
      set: () => ({ return_reason: reason, returned_at: at, pending_alert: null, updated_at: at }),
      event: (f, to) => ({
        type: 'phone.form_returned',
        ...formSubject(f),
        data: { formId: f.id, number: f.number, from: f.status, to, reason },
      }),
    }),
  );
}

/**
 * The window ends the process (窗口工作人员将答复口径更新至知识库): the reply wording goes to the
 * knowledge module as a proposal for the owner department (the form's KB entry date is the day the
 * entry it becomes is published), or the window notes why the KB needs no update.
 */
export async function closeForm(
  db: Db,
  p: Principal,
  actor: Actor,
  now: Date,
  form: FormRow,
  input: TCloseForm,
): Promise<{ proposalId: string | null }> {
  authorize(p, phonePolicy.log);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    let proposalId: string | null = null;
    if (input.kbUpdated && form.status === 'replied') {
      proposalId = await proposeKbEntry(trx, actor, now, {
        source: 'phone',
        sourceRef: form.number,
        question: input.question ?? form.content,
        answer: input.answer ?? form.reply ?? '',
        matterId: form.matter_id,
        departmentId: form.department_id,
      });
    }
    await transition(trx, FORM_MACHINE, {
      id: form.id,
      action: 'close',
      actor,
      now,
      row: form,
      set: () => ({
        kb_updated: input.kbUpdated ? 1 : 0,
        kb_proposal_id: proposalId,
        no_kb_reason: input.kbUpdated ? null : input.note,
        closed_by: actor.userId,
        closed_at: at,
        updated_at: at,
      }),
      event: (f, to) => ({
        type: 'phone.form_closed',
        ...formSubject(f),
        data: { formId: f.id, number: f.number, from: f.status, to, kbUpdated: input.kbUpdated, proposalId },
      }),
    });
    return { proposalId };
  });
}
