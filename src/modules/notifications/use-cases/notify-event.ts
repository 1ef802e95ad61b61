import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/connect.js';
import type { StoredEvent } from '../../../platform/events/event-feed.js';
import { recordEvent, SYSTEM_ACTOR } from '../../../platform/events/record-event.js';
import { shanghaiDate } from '../../../platform/calendar/shanghai-time.js';
import { newId } from '../../../platform/ids.js';
import { noticesFor, type NoticeDefinition } from '../notice-registry.js';
import { inboxSubject } from '../notifications.events.js';
import { emailBody, webhookBody } from '../delivery/messages.js';
import { queueDelivery } from './queue-delivery.js';

export interface NotifyDeps {
  db: Db;
  clock: Clock;
  /** e-mail can be sent (SMTP configured): otherwise no e-mail is queued */
  emailEnabled: boolean;
  /** the site's address for links in e-mails and webhook messages ('' = paths only) */
  publicUrl: string;
}

/** A user's choice for a kind; no row means: in the centre yes, by e-mail no. */
export const DEFAULT_PREF = { in_app: 1, email: 0 };

/**
 * The durable consumer's work for one event: for each notice the event raises, one notification
 * per recipient (unique per event and recipient, so a redelivered event adds nothing), as each
 * recipient chose, and the outbox rows of e-mails and webhook calls (unique per event, channel
 * and target). All of one event in one transaction.
 */
export async function notifyEvent(deps: NotifyDeps, event: StoredEvent): Promise<number> {
  let created = 0;
  for (const def of noticesFor(event.type)) created += await notifyOne(deps, def, event);
  return created;
}

async function notifyOne(deps: NotifyDeps, def: NoticeDefinition, event: StoredEvent): Promise<number> {
  const { db } = deps;
  const ids = [...new Set(await def.recipients(db, event))];
  if (!ids.length) return 0;
  const users = await db
    .selectFrom('users')
    .select(['id', 'department_id', 'display_name'])
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  if (!users.length) return 0;
  const userIds = users.map((u) => u.id);
  const prefs = new Map(
    (
      await db
        .selectFrom('notification_prefs')
        .select(['user_id', 'in_app', 'email'])
        .where('user_id', 'in', userIds)
        .where('kind', '=', def.kind)
        .execute()
    ).map((r) => [r.user_id, r]),
  );
  const addresses = new Map(
    (
      await db
        .selectFrom('notification_profiles')
        .select(['user_id', 'email'])
        .where('user_id', 'in', userIds)
        .execute()
    ).map((r) => [r.user_id, r.email]),
  );
  const departments = [...new Set(users.map((u) => u.department_id).filter((d): d is string => !!d))];
  const channels = departments.length
    ? await db
        .selectFrom('notification_channels')
        .selectAll()
        .where('department_id', 'in', departments)
        .where('enabled', '=', 1)
        .execute()
    : [];
  const title = def.title(event);
  const link = def.link(event);
  const at = deps.clock.now();
  let created = 0;
  await db.transaction().execute(async (trx) => {
    const outbox: { channel: 'email' | 'webhook'; target: string; departmentId: string | null }[] = [];
    for (const u of users) {
      const pref = prefs.get(u.id) ?? DEFAULT_PREF;
      if (pref.in_app) {
        const id = newId();
        const res = await trx
          .insertInto('notifications')
          .values({
            id,
            recipient_id: u.id,
            kind: def.kind,
            title_zh: title.zh.slice(0, 300),
            title_en: title.en.slice(0, 300),
            link,
            subject_type: event.subjectType,
            subject_id: event.subjectId,
            event_id: event.id,
            created_at: at.toISOString(),
            created_on: shanghaiDate(at),
            read_at: null,
          })
          .onConflict((oc) => oc.columns(['event_id', 'recipient_id']).doNothing())
          .executeTakeFirst();
        if (Number(res.numInsertedOrUpdatedRows ?? 0) === 1) {
          created++;
          await recordEvent(trx, SYSTEM_ACTOR, at, {
            type: 'notification.created',
            ...inboxSubject({ id: u.id, label: u.display_name }),
            data: { notificationId: id, kind: def.kind, eventId: Number(event.id) },
          });
        }
      }
      const own = addresses.get(u.id);
      if (deps.emailEnabled && pref.email && own)
        outbox.push({ channel: 'email', target: own, departmentId: u.department_id });
    }
    for (const c of channels) {
      if (deps.emailEnabled)
        for (const address of JSON.parse(c.emails) as string[])
          outbox.push({ channel: 'email', target: address, departmentId: c.department_id });
      if (c.webhook_url) outbox.push({ channel: 'webhook', target: c.webhook_url, departmentId: c.department_id });
    }
    for (const o of outbox) {
      await queueDelivery(trx, at, {
        dedupeKey: `e${event.id}:${o.channel}:${o.target}`,
        channel: o.channel,
        target: o.target,
        subject: `【帮办】${title.zh}`,
        body:
          o.channel === 'email'
            ? emailBody(title, link, deps.publicUrl, def.kind)
            : JSON.stringify(webhookBody(title, link, deps.publicUrl)),
        eventId: event.id,
        departmentId: o.departmentId,
      });
    }
  });
  return created;
}
