import { z } from 'zod';
import { ZBilingual, pageOf } from './common.js';

/** The audit trail as the back office reads it (one row per recorded event). */
export const ZAuditEvent = z.object({
  id: z.number(),
  type: z.string(),
  /** the event type's name from the server's event catalogue; null for a type no longer catalogued */
  typeLabel: ZBilingual.nullable(),
  actorId: z.string().nullable(),
  actor: z.string().nullable(),
  subjectType: z.string().nullable(),
  /** the name or number of what changed, as it was then (null when not recorded) */
  subjectLabel: z.string().nullable(),
  subjectId: z.string().nullable(),
  departmentId: z.string().nullable(),
  data: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  at: z.string(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
export const ZAuditPage = pageOf(ZAuditEvent);

/** The catalogued event types with their names (the audit page's type filter). */
export const ZEventTypes = z.object({ items: z.array(z.object({ type: z.string(), label: ZBilingual })) });
export type TEventTypes = z.infer<typeof ZEventTypes>;
