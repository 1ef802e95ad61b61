import { z } from 'zod';
import { CALLBACK_STATUSES } from '../../contracts/enums/callbacks.js';

export const ZCallbackStatus = z.enum(CALLBACK_STATUSES);

export const ZListCallbacks = z.object({ status: ZCallbackStatus.optional() });

/** Staff log the outcome of a call; the status they ask for names the move (called back / closed). */
export const ZWorkCallback = z.object({
  status: z.enum(['called_back', 'closed']),
  result: z.string().trim().min(2).max(1000),
});

/** A callback case as any channel opens it: who to call, about what, from which service. */
export interface TCreateCallback {
  /** 'bot' | 'live_help' | 'phone' | 'work_order' | 'offline_help' */
  channel: string;
  /** the service the case comes from (a bot conversation, a call, a work order …) */
  subjectType: string;
  subjectId: string;
  name: string;
  phone: string;
  question: string;
  matterId?: string | null;
  departmentId?: string | null;
  /** working days allowed to call back (1 for the bot's messages) */
  workingDays: number;
}
