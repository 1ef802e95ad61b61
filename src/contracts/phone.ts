import { z } from 'zod';
import { ZBilingual, listOf } from './common.js';
import { PHONE_CALL_STATUSES, PHONE_CALL_TYPES, PHONE_FORM_STATUSES } from './enums.js';

/** Phone consultation (SPEC §3.3): logged calls and phone transfer forms, as staff see them. */

const ZMatterRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const ZPhoneCall = z.object({
  id: z.string(),
  callerName: z.string(),
  /** masked (138****5678) */
  phone: z.string(),
  type: z.enum(PHONE_CALL_TYPES),
  typeLabel: ZBilingual,
  matter: ZMatterRef,
  content: z.string(),
  status: z.enum(PHONE_CALL_STATUSES),
  statusLabel: ZBilingual,
  answer: z.string().nullable(),
  formId: z.string().nullable(),
  formNumber: z.string().nullable(),
  createdAt: z.string(),
});
export type TPhoneCall = z.infer<typeof ZPhoneCall>;
export const ZPhoneCallList = listOf(ZPhoneCall);

/** A transfer form in a list: phone masked, due time and whether it is past due. */
export const ZPhoneFormItem = z.object({
  id: z.string(),
  number: z.string(),
  type: z.enum(PHONE_CALL_TYPES),
  typeLabel: ZBilingual,
  callerName: z.string(),
  phone: z.string(),
  department: z.object({ id: z.string(), name: ZBilingual }),
  content: z.string(),
  status: z.enum(PHONE_FORM_STATUSES),
  statusLabel: ZBilingual,
  transferredAt: z.string(),
  dueAt: z.string(),
  /** waiting for the department past its due time (or flagged by the sweep) */
  overdue: z.boolean(),
  repliedAt: z.string().nullable(),
  createdOn: z.string(),
});
export type TPhoneFormItem = z.infer<typeof ZPhoneFormItem>;
export const ZPhoneFormList = listOf(ZPhoneFormItem);

/** One form with everything annex 3 holds; the full phone number (the department calls back). */
export const ZPhoneForm = ZPhoneFormItem.extend({
  matter: ZMatterRef,
  reply: z.string().nullable(),
  answered: z.boolean().nullable(),
  handlerName: z.string().nullable(),
  headName: z.string().nullable(),
  replyOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  returnedAt: z.string().nullable(),
  kbUpdated: z.boolean().nullable(),
  kbProposalId: z.string().nullable(),
  kbEntryOn: z.string().nullable(),
  noKbReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  windowContact: z.string().nullable(),
  /** what this user may do with it now: 'reply' | 'return' | 'retransfer' | 'close' */
  actions: z.array(z.string()),
});
export type TPhoneForm = z.infer<typeof ZPhoneForm>;
