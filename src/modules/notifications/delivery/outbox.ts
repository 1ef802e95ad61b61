import type { Updateable } from 'kysely';
import type { Db } from '../../../platform/db/connect.js';
import type { NotificationDeliveryTable } from '../../../platform/db/schema.js';
import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import type { Senders } from './senders.js';
import { deliveryChannel } from './channel-registry.js';

export interface OutboxOptions {
  /** attempts before a message becomes a dead letter */
  maxAttempts: number;
  /** the wait after the first failure; it doubles after each further one */
  backoffMs: number;
  /** a message claimed by a node that stopped (crashed) is claimable again after this long */
  lockMs: number;
  batch: number;
}

export const OUTBOX_DEFAULTS: OutboxOptions = { maxAttempts: 5, backoffMs: 60_000, lockMs: 120_000, batch: 50 };

/** The wait before attempt `attempts + 1`, after `attempts` failures: base, 2 × base, 4 × base … */
export function backoffAfter(attempts: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, attempts - 1);
}

/**
 * One pass of the outbox (a job-runner sweep): each due message is claimed by a conditional
 * update (status and attempt count as read), so of two nodes or two passes only one sends it;
 * sent messages are never sent again. A failure waits with exponential back-off; after
 * `maxAttempts` the message becomes a dead letter (`notification.delivery_dead`) that an
 * administrator can replay. A node that crashes after sending but before recording it leaves
 * the message claimed; after `lockMs` it is sent again (the e-mail keeps its Message-ID, a registered
 * channel gets the same row id and body). Channels other modules register are sent the same way.
 */
export async function deliverDue(
  db: Db,
  senders: Senders,
  now: Date,
  opts: Partial<OutboxOptions> = {},
): Promise<{ sent: number; failed: number; dead: number }> {
  const o = { ...OUTBOX_DEFAULTS, ...opts };
  const at = now.toISOString();
  const due = await db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', at)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(o.batch)
    .execute();
  const out = { sent: 0, failed: 0, dead: 0 };
  for (const d of due) {
    const attempt = d.attempts + 1;
    const claimed = await db
      .updateTable('notification_deliveries')
      .set({
        status: 'sending',
        attempts: attempt,
        locked_until: new Date(now.getTime() + o.lockMs).toISOString(),
        updated_at: at,
      })
      .where('id', '=', d.id)
      .where('status', '=', d.status)
      .where('attempts', '=', d.attempts)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue; // another node or pass has it
    let error: string | null = null;
    try {
      if (d.channel === 'email') await senders.email({ id: d.id, to: d.target, subject: d.subject, text: d.body });
      else if (d.channel === 'webhook') await senders.webhook({ url: d.target, body: d.body });
      else {
        const registered = deliveryChannel(d.channel);
        if (!registered) throw new Error(`no sender for channel ${d.channel}`);
        await registered.send({ id: d.id, target: d.target, subject: d.subject, body: d.body, attempt }, db, now);
      }
    } catch (err) {
      error = String((err as Error)?.message ?? err).slice(0, 500) || 'failed';
    }
    // only this claim's row: a claim taken over after the lock ran out is no longer ours
    const finish = (set: Updateable<NotificationDeliveryTable>) =>
      db
        .updateTable('notification_deliveries')
        .set(set)
        .where('id', '=', d.id)
        .where('status', '=', 'sending')
        .where('attempts', '=', attempt)
        .execute();
    if (error === null) {
      await finish({ status: 'sent', sent_at: at, locked_until: null, last_error: null, updated_at: at });
      out.sent++;
    } else if (attempt >= o.maxAttempts) {
      await db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('notification_deliveries')
          .set({ status: 'dead', locked_until: null, next_attempt_at: null, last_error: error, updated_at: at })
          .where('id', '=', d.id)
          .where('status', '=', 'sending')
          .where('attempts', '=', attempt)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) return;
        await recordEvent(trx, SYSTEM_ACTOR, now, {
          type: 'notification.delivery_dead',
          subjectType: 'notification_delivery',
          subjectId: d.id,
          subjectLabel: d.subject,
          departmentId: d.department_id,
          data: { channel: d.channel, attempts: attempt, error },
        });
      });
      out.dead++;
    } else {
      await finish({
        status: 'pending',
        locked_until: null,
        last_error: error,
        next_attempt_at: new Date(now.getTime() + backoffAfter(attempt, o.backoffMs)).toISOString(),
        updated_at: at,
      });
      out.failed++;
    }
  }
  return out;
}
