import type { Db, DbOrTrx } from '../../../platform/db/connect.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import type { TNotification, TNotificationPage } from '../../../contracts/notifications.js';
import type { NotificationKind } from '../../../contracts/enums/notifications.js';
import type { NotificationTable } from '../../../platform/db/schema.js';
import { inboxSubject } from '../notifications.events.js';

const NOTICE = { zh: '通知', en: 'notification' };

export function presentNotification(n: NotificationTable): TNotification {
  return {
    id: n.id,
    kind: n.kind as NotificationKind,
    title: { zh: n.title_zh, en: n.title_en },
    link: n.link,
    subjectType: n.subject_type,
    subjectId: n.subject_id,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}

/** The keyset cursor of a page: the last row's time and id, opaque to the client. */
function encodeCursor(n: { created_at: string; id: string }): string {
  return Buffer.from(`${n.created_at}|${n.id}`).toString('base64url');
}

function decodeCursor(c: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(c, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || !/^\d{4}-\d\d-\d\dT/.test(createdAt))
    throw new AppError('VALIDATION_FAILED', { zh: '分页参数无效。', en: 'The page cursor is not valid.' });
  return { createdAt, id };
}

export async function unreadCount(db: DbOrTrx, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The signed-in user's notices, newest first, `limit` per page after `cursor`. */
export async function listMine(
  db: Db,
  p: Principal,
  f: { cursor?: string; limit: number; unread?: boolean },
): Promise<TNotificationPage> {
  let q = db.selectFrom('notifications').selectAll().where('recipient_id', '=', p.id);
  if (f.unread) q = q.where('read_at', 'is', null);
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', c.createdAt), eb.and([eb('created_at', '=', c.createdAt), eb('id', '<', c.id)])]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  return {
    items: page.map(presentNotification),
    next: rows.length > f.limit ? encodeCursor(page.at(-1)!) : null,
    unread: await unreadCount(db, p.id),
  };
}

/** Marks one of my notices read (someone else's is 404); reading it again changes nothing. */
export async function markRead(db: Db, actor: Actor, p: Principal, now: Date, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const n = await trx
      .selectFrom('notifications')
      .select(['id', 'read_at'])
      .where('id', '=', id)
      .where('recipient_id', '=', p.id)
      .executeTakeFirst();
    if (!n) throw notFound(NOTICE);
    if (n.read_at) return;
    await trx
      .updateTable('notifications')
      .set({ read_at: now.toISOString() })
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'notification.read',
      ...inboxSubject({ id: p.id, label: p.displayName }),
      departmentId: null,
      data: { count: 1, all: false },
    });
  });
}

/** Marks all my unread notices read; returns how many. */
export async function markAllRead(db: Db, actor: Actor, p: Principal, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('notifications')
      .set({ read_at: now.toISOString() })
      .where('recipient_id', '=', p.id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const count = Number(res.numUpdatedRows);
    if (count)
      await recordEvent(trx, actor, now, {
        type: 'notification.read',
        ...inboxSubject({ id: p.id, label: p.displayName }),
        departmentId: null,
        data: { count, all: true },
      });
    return count;
  });
}
