import type { DbOrTrx } from '../db/connect.js';
import { shanghaiDate } from '../calendar/shanghai-time.js';

/** Who caused a change and from where; carried from the HTTP request (or a job) into every event. */
export interface Actor {
  userId: string | null;
  label: string;
  departmentId?: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

export interface EventInput {
  type: string;
  subjectType?: string;
  subjectId?: string;
  departmentId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Every state change writes one event row inside the same transaction as the change:
 * the audit trail, realtime pushes and notifications all read this table.
 */
export async function recordEvent(trx: DbOrTrx, actor: Actor, now: Date, input: EventInput): Promise<void> {
  await trx
    .insertInto('events')
    .values({
      type: input.type,
      actor_id: actor.userId,
      actor_label: actor.label,
      subject_type: input.subjectType ?? null,
      subject_id: input.subjectId ?? null,
      department_id: input.departmentId ?? actor.departmentId ?? null,
      data: JSON.stringify(input.data ?? {}),
      ip: actor.ip ?? null,
      request_id: actor.requestId ?? null,
      created_at: now.toISOString(),
      created_on: shanghaiDate(now),
    })
    .execute();
}
