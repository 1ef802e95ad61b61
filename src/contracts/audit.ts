import { z } from 'zod';
import { ZBilingual, pageOf } from './common.js';

/** The audit trail as the back office reads it (one row per recorded event). */
export const ZAuditEvent = z.object({
  id: z.number(),
  type: z.string(),
  /** the event type's name, when the event catalogue knows it */
  typeLabel: ZBilingual.optional(),
  actorId: z.string().nullable(),
  actor: z.string().nullable(),
  subjectType: z.string().nullable(),
  /** a readable name of the subject (e.g. the user's name), when known */
  subjectLabel: z.union([z.string(), ZBilingual]).nullable().optional(),
  subjectId: z.string().nullable(),
  departmentId: z.string().nullable(),
  data: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  at: z.string(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
export const ZAuditPage = pageOf(ZAuditEvent);
