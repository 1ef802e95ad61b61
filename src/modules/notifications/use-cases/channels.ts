import type { Db } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import type { TDelivery, TDepartmentChannel } from '../../../contracts/notifications.js';
import {
  DELIVERY_STATUS_LABELS,
  type DeliveryChannel,
  type DeliveryStatus,
} from '../../../contracts/enums/notifications.js';
import { findDepartment, listDepartments } from '../../org/org.repo.js';
import { deliveryChannel } from '../delivery/channel-registry.js';

const DEPARTMENT = { zh: '部门', en: 'department' };
const DELIVERY = { zh: '投递记录', en: 'delivery' };

/** Every active department with its outside channels (none set: no e-mail, no webhook). */
export async function listChannels(db: Db): Promise<TDepartmentChannel[]> {
  const departments = await listDepartments(db, false);
  const rows = new Map(
    (await db.selectFrom('notification_channels').selectAll().execute()).map((r) => [r.department_id, r]),
  );
  return departments.map((d) => {
    const c = rows.get(d.id);
    return {
      departmentId: d.id,
      departmentName: { zh: d.name_zh, en: d.name_en },
      emails: c ? (JSON.parse(c.emails) as string[]) : [],
      webhookUrl: c?.webhook_url ?? null,
      enabled: c ? c.enabled === 1 : false,
      updatedAt: c?.updated_at ?? null,
    };
  });
}

/** Sets a department's e-mail addresses and webhook (an administrator). */
export async function saveChannel(
  db: Db,
  actor: Actor,
  now: Date,
  departmentId: string,
  input: { emails: string[]; webhookUrl: string | null; enabled: boolean },
): Promise<void> {
  const d = await findDepartment(db, departmentId);
  if (!d) throw notFound(DEPARTMENT);
  const at = now.toISOString();
  const values = {
    emails: JSON.stringify([...new Set(input.emails.map((e) => e.trim().toLowerCase()))]),
    webhook_url: input.webhookUrl,
    enabled: input.enabled ? 1 : 0,
    updated_by: actor.userId,
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('notification_channels')
      .values({ department_id: departmentId, ...values })
      .onConflict((oc) => oc.column('department_id').doUpdateSet(values))
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'notification.channel_saved',
      subjectType: 'department',
      subjectId: departmentId,
      subjectLabel: d.name_zh,
      departmentId,
      data: { emails: input.emails.length, webhook: !!input.webhookUrl, enabled: input.enabled },
    });
  });
}

export async function removeChannel(db: Db, actor: Actor, now: Date, departmentId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const res = await trx
      .deleteFrom('notification_channels')
      .where('department_id', '=', departmentId)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw notFound(DEPARTMENT);
    await recordEvent(trx, actor, now, {
      type: 'notification.channel_removed',
      subjectType: 'department',
      subjectId: departmentId,
      departmentId,
      data: {},
    });
  });
}

/** A webhook address without its path and query (a robot's key is in them). */
export function targetShown(channel: string, target: string): string {
  const registered = deliveryChannel(channel);
  if (registered) return registered.showTarget?.(target) ?? target;
  if (channel !== 'webhook') return target;
  try {
    const u = new URL(target);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return '…';
  }
}

export async function listDeliveries(db: Db, status: DeliveryStatus | undefined): Promise<TDelivery[]> {
  let q = db.selectFrom('notification_deliveries').selectAll();
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel as DeliveryChannel,
    target: targetShown(r.channel, r.target),
    subject: r.subject,
    status: r.status as DeliveryStatus,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}

/** Puts a dead letter back in the outbox for a fresh round of attempts (an administrator). */
export async function replayDelivery(db: Db, actor: Actor, now: Date, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const d = await trx.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d) throw notFound(DELIVERY);
    const res = await trx
      .updateTable('notification_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError(
        'CONFLICT',
        {
          zh: `只能重新投递发送失败的通知，这条的状态是“${DELIVERY_STATUS_LABELS[d.status as DeliveryStatus].zh}”。`,
          en: `Only failed deliveries can be replayed; this one is "${DELIVERY_STATUS_LABELS[d.status as DeliveryStatus].en}".`,
        },
        { current: d.status },
      );
    await recordEvent(trx, actor, now, {
      type: 'notification.delivery_replayed',
      subjectType: 'notification_delivery',
      subjectId: id,
      subjectLabel: d.subject,
      departmentId: d.department_id,
      data: { channel: d.channel },
    });
  });
}
