import type { DbOrTrx } from '../../../platform/db/connect.js';
import { shanghaiDate } from '../../../platform/calendar/shanghai-time.js';
import { newId } from '../../../platform/ids.js';
import type { DeliveryChannel } from '../../../contracts/enums/notifications.js';

export interface QueuedDelivery {
  /** one message per key, ever: a second call with the same key adds nothing (a redelivered event) */
  dedupeKey: string;
  channel: DeliveryChannel;
  target: string;
  subject: string;
  body: string;
  /** the event that caused it */
  eventId: number;
  departmentId: string | null;
}

/**
 * Puts a message in the outbox, in the caller's transaction; the `notifications.outbox` sweep sends
 * it, retries with back-off and keeps it as a dead letter an administrator can replay. The one way
 * into the outbox: the notification centre's e-mails and webhooks and other modules' registered
 * channels (see delivery/channel-registry.ts). Answers whether a row was added.
 */
export async function queueDelivery(trx: DbOrTrx, now: Date, d: QueuedDelivery): Promise<boolean> {
  const at = now.toISOString();
  const res = await trx
    .insertInto('notification_deliveries')
    .values({
      id: newId(),
      dedupe_key: d.dedupeKey.slice(0, 600),
      channel: d.channel,
      target: d.target,
      subject: d.subject.slice(0, 300),
      body: d.body,
      event_id: d.eventId,
      department_id: d.departmentId,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      locked_until: null,
      last_error: null,
      created_at: at,
      created_on: shanghaiDate(now),
      sent_at: null,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}
