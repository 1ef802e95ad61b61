import type { Db } from '../../platform/db/connect.js';
import { shanghaiDate } from '../../platform/calendar/index.js';
import type { TChatWall } from '../../contracts/livechat.js';
import { openLoad, staffByIds } from './livechat.repo.js';
import { staffOnDuty } from './on-duty.js';

/** The supervisor's live wall: the queue, who is on duty with what load, today's first-response figures and breaches. */
export async function chatWall(db: Db, now: Date): Promise<TChatWall> {
  const today = shanghaiDate(now);
  const waiting = await db
    .selectFrom('chat_conversations')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('queued_at').as('oldest')])
    .where('status', '=', 'queued')
    .executeTakeFirstOrThrow();
  const window = await staffOnDuty(db, now, 'window_agent');
  const business = await staffOnDuty(db, now, 'business_agent');
  const load = await openLoad(
    db,
    [...window, ...business].map((a) => a.userId),
  );
  const base = () => db.selectFrom('chat_conversations').where('created_on', '=', today);
  const count = async (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
    Number(
      (
        await where(base())
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const conversations = await count((q) => q);
  const responded = await count((q) => q.where('first_response_at', 'is not', null));
  const answeredWithinMinute = await count((q) =>
    q.where('first_response_at', 'is not', null).whereRef('first_response_at', '<=', 'first_response_due_at'),
  );
  const transferred = await count((q) => q.where('department_id', 'is not', null));
  const closed = await count((q) => q.where('status', '=', 'closed'));
  const breaches = await db
    .selectFrom('chat_breaches')
    .innerJoin('chat_conversations', 'chat_conversations.id', 'chat_breaches.conversation_id')
    .select([
      'chat_breaches.conversation_id',
      'chat_conversations.number',
      'chat_breaches.agent_id',
      'chat_breaches.created_at',
    ])
    .where('chat_breaches.created_on', '=', today)
    .orderBy('chat_breaches.created_at', 'desc')
    .limit(500)
    .execute();
  const staff = await staffByIds(
    db,
    breaches.map((b) => b.agent_id),
  );
  const oldest = waiting.oldest as string | null;
  return {
    waiting: Number(waiting.n),
    longestWaitSeconds: oldest ? Math.max(0, Math.round((now.getTime() - Date.parse(oldest)) / 1000)) : null,
    agents: [
      ...window.map((a) => ({ ...a, role: 'window_agent' as const })),
      ...business.map((a) => ({ ...a, role: 'business_agent' as const })),
    ].map((a) => ({
      userId: a.userId,
      displayName: a.displayName,
      workNumber: a.workNumber,
      role: a.role,
      departmentId: a.departmentId,
      openChats: load.get(a.userId) ?? 0,
      signedInAt: null, // the duty module knows; filled when it is merged
    })),
    today: {
      conversations,
      answeredWithinMinute,
      firstResponseRate: responded ? answeredWithinMinute / responded : null,
      breaches: breaches.length,
      transferred,
      closed,
    },
    breaches: breaches.map((b) => ({
      conversationId: b.conversation_id,
      number: b.number,
      agent: b.agent_id ? (staff.get(b.agent_id) ?? null) : null,
      at: b.created_at,
    })),
  };
}
