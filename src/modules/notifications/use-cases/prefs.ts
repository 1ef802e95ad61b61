import type { Db } from '../../../platform/db/connect.js';
import { recordEvent, type Actor } from '../../../platform/events/record-event.js';
import type { Principal } from '../../../platform/policy/principal.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../contracts/enums/notifications.js';
import type { TNotificationPrefs } from '../../../contracts/notifications.js';
import { inboxSubject } from '../notifications.events.js';
import { DEFAULT_PREF } from './notify-event.js';

export async function getPrefs(db: Db, userId: string, emailAvailable: boolean): Promise<TNotificationPrefs> {
  const rows = await db.selectFrom('notification_prefs').selectAll().where('user_id', '=', userId).execute();
  const profile = await db
    .selectFrom('notification_profiles')
    .select('email')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return {
    email: profile?.email ?? null,
    emailAvailable,
    kinds: NOTIFICATION_KINDS.map((kind) => {
      const r = byKind.get(kind) ?? DEFAULT_PREF;
      return { kind, inApp: r.in_app === 1, email: r.email === 1 };
    }),
  };
}

/** Saves which kinds of notice I receive, in the centre and by e-mail, and my e-mail address. */
export async function savePrefs(
  db: Db,
  actor: Actor,
  p: Principal,
  now: Date,
  input: { email: string | null; kinds: { kind: NotificationKind; inApp: boolean; email: boolean }[] },
): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const k of input.kinds) {
      const values = { in_app: k.inApp ? 1 : 0, email: k.email ? 1 : 0, updated_at: at };
      await trx
        .insertInto('notification_prefs')
        .values({ user_id: p.id, kind: k.kind, ...values })
        .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet(values))
        .execute();
    }
    await trx
      .insertInto('notification_profiles')
      .values({ user_id: p.id, email: input.email, updated_at: at })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ email: input.email, updated_at: at }))
      .execute();
    await recordEvent(trx, actor, now, {
      type: 'notification.prefs_changed',
      ...inboxSubject({ id: p.id, label: p.displayName }),
      departmentId: null,
      data: { kinds: input.kinds.map((k) => `${k.kind}:${k.inApp ? 1 : 0}${k.email ? 1 : 0}`), email: !!input.email },
    });
  });
}
