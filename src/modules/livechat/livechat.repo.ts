import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/connect.js';
import type { ChatConversationTable, ChatMessageTable } from '../../platform/db/schema.js';
import { notFound, type Bilingual } from '../../platform/errors.js';
import { hashToken } from '../../platform/ids.js';
import type { TChatStaff } from '../../contracts/livechat.js';
import type { ChatAccess } from './livechat.policy.js';
import { CHAT_MACHINE } from './transitions.js';

export type ConversationRow = Selectable<ChatConversationTable>;
export type MessageRow = Selectable<ChatMessageTable>;

/** Statuses in which a conversation is still open (not closed). */
export const OPEN_STATUSES = ['queued', 'active', 'transferred', 'awaiting_department'] as const;
/** Statuses in which a staff member holds the conversation (counts toward their load). */
export const HELD_STATUSES = ['active', 'transferred'] as const;

export async function findConversation(db: DbOrTrx, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requireConversation(db: DbOrTrx, id: string): Promise<ConversationRow> {
  const row = await findConversation(db, id);
  if (!row) throw notFound(CHAT_MACHINE.subject);
  return row;
}

/** The conversation a citizen's token names, or null. */
export async function conversationByToken(db: DbOrTrx, token: string): Promise<ConversationRow | null> {
  if (token.length < 10 || token.length > 100) return null;
  return (
    (await db
      .selectFrom('chat_conversations')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst()) ?? null
  );
}

/** Who may see and act on a conversation (for the policy). */
export async function accessOf(db: DbOrTrx, c: ConversationRow): Promise<ChatAccess> {
  const holders = await db.selectFrom('chat_holders').select('user_id').where('conversation_id', '=', c.id).execute();
  const consults = await db
    .selectFrom('chat_consults')
    .select(['department_id', 'user_id'])
    .where('conversation_id', '=', c.id)
    .execute();
  return {
    status: c.status,
    agentId: c.agent_id,
    departmentId: c.department_id,
    heldBy: holders.map((h) => h.user_id),
    consultedUsers: consults.flatMap((x) => (x.user_id ? [x.user_id] : [])),
    consultedDepartments: consults.flatMap((x) => (x.department_id ? [x.department_id] : [])),
  };
}

/** What the policy knows of a conversation from its row alone: enough for the staff member holding it. */
export function holderAccess(c: ConversationRow): ChatAccess {
  return {
    status: c.status,
    agentId: c.agent_id,
    departmentId: c.department_id,
    heldBy: c.agent_id ? [c.agent_id] : [],
    consultedUsers: [],
    consultedDepartments: [],
  };
}

/** Staff members as the citizen sees them (name and work number), by id. */
export async function staffByIds(db: DbOrTrx, ids: (string | null)[]): Promise<Map<string, TChatStaff>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  const out = new Map<string, TChatStaff>();
  if (!unique.length) return out;
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'work_number'])
    .where('id', 'in', unique)
    .execute();
  for (const r of rows) out.set(r.id, { displayName: r.display_name, workNumber: r.work_number });
  return out;
}

export async function departmentName(db: DbOrTrx, id: string | null): Promise<Bilingual | null> {
  if (!id) return null;
  const d = await db.selectFrom('departments').select(['name_zh', 'name_en']).where('id', '=', id).executeTakeFirst();
  return d ? { zh: d.name_zh, en: d.name_en } : null;
}

/** Messages after `afterSeq`, oldest first; notes only for staff. */
export async function messagesAfter(
  db: DbOrTrx,
  conversationId: string,
  afterSeq: number,
  opts: { notes: boolean; limit?: number },
): Promise<MessageRow[]> {
  let q = db
    .selectFrom('chat_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', afterSeq);
  if (!opts.notes) q = q.where('kind', '!=', 'note');
  return q
    .orderBy('seq')
    .limit(opts.limit ?? 1000)
    .execute();
}

/** Open conversations per staff member (the routing load). */
export async function openLoad(db: DbOrTrx, userIds: string[]): Promise<Map<string, number>> {
  const out = new Map(userIds.map((id) => [id, 0]));
  if (!userIds.length) return out;
  const rows = await db
    .selectFrom('chat_conversations')
    .select(['agent_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agent_id', 'in', userIds)
    .where('status', 'in', [...HELD_STATUSES])
    .groupBy('agent_id')
    .execute();
  for (const r of rows) out.set(r.agent_id!, Number(r.n));
  return out;
}
