import { z } from 'zod';
import { PHONE_CALL_TYPES, PHONE_FORM_STATUSES } from '../../contracts/enums/phone.js';
import { ZMainlandPhone } from '../../platform/privacy/phone.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ZPhoneId = z.object({ id: z.string().min(1).max(64) });

/** A call as the window agent logs it; with `answer` it is closed as answered on the spot. */
export const ZLogCall = z.object({
  callerName: text(50),
  phone: ZMainlandPhone,
  type: z.enum(PHONE_CALL_TYPES),
  matterId: z.string().min(1).max(64).nullable().optional(),
  content: text(2000),
  answer: text(4000).optional(),
});
export type TLogCall = z.infer<typeof ZLogCall>;

export const ZListCalls = z.object({ date: ZDate.optional() });
export const ZAnswerCall = z.object({ answer: text(4000) });

/** The department that owns the question (defaults to the matter's owner when a matter was chosen). */
export const ZTransferCall = z.object({
  departmentId: z.string().min(1).max(64).optional(),
  content: text(2000).optional(),
});
export type TTransferCall = z.infer<typeof ZTransferCall>;

export const ZListForms = z.object({
  status: z.enum(PHONE_FORM_STATUSES).optional(),
  /** the window's to-do: returned and replied forms */
  todo: z.enum(['window']).optional(),
  /** the overdue list: forms still waiting for their department past the due time */
  overdue: z.enum(['1']).optional(),
});

/** The department's reply: the wording, answered yes/no, handler, department head, date (today when left out). */
export const ZReplyForm = z.object({
  reply: text(4000),
  answered: z.boolean(),
  handlerName: text(50),
  headName: text(50),
  replyOn: ZDate.optional(),
});
export type TReplyForm = z.infer<typeof ZReplyForm>;

export const ZReturnForm = z.object({ reason: text(500) });
export const ZRetransferForm = z.object({ departmentId: z.string().min(1).max(64) });

/** Closing: the KB is updated (a proposal from the reply wording), or a note why not. */
export const ZCloseForm = z.discriminatedUnion('kbUpdated', [
  z.object({
    kbUpdated: z.literal(true),
    question: text(500).optional(),
    answer: text(4000).optional(),
  }),
  z.object({ kbUpdated: z.literal(false), note: text(500) }),
]);
export type TCloseForm = z.infer<typeof ZCloseForm>;
