import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
import { runPrepared } from '../../platform/db/prepared.js';
import { shanghaiDate } from '../../platform/calendar/index.js';
import { recordEvents, type Actor } from '../../platform/events/record-event.js';
import { eventsRecorded } from '../../platform/events/event-wakeup.js';
import { newId } from '../../platform/ids.js';
import type { ChatAuthor, ChatMessageKind } from '../../contracts/enums/livechat.js';
import type { MessageRow } from './livechat.repo.js';

export interface NewMessage {
  conversationId: string;
  author: ChatAuthor;
  authorId: string | null;
  kind: ChatMessageKind;
  text: string;
  attachmentId?: string | null;
  clientId?: string | null;
}

/** One message to store, with who sent it and when. */
export interface Appended {
  actor: Actor;
  now: Date;
  message: NewMessage;
}

/**
 * Stores one message with the conversation's next seq and records `livechat.message_posted`
 * ({conversationId, seq}: no text) in the caller's transaction.
 */
export async function appendMessage(trx: Trx, actor: Actor, now: Date, m: NewMessage): Promise<MessageRow> {
  const [row] = await appendMessages(trx, [{ actor, now, message: m }]);
  return row;
}

/**
 * Stores messages of one or many conversations in three statements whatever their number (the
 * group commit of a busy node): each conversation's seq is taken once for all of its messages,
 * which keep the order given; then the messages, then their `livechat.message_posted` events.
 * Taking the seqs updates the conversations' rows, which stay locked until commit, so a
 * conversation's seqs commit in order (1, 2, 3 …).
 */
export async function appendMessages(trx: Trx, list: Appended[]): Promise<MessageRow[]> {
  const per = new Map<string, { n: number; at: string }>();
  for (const { now, message } of list) {
    const p = per.get(message.conversationId) ?? { n: 0, at: '' };
    const at = now.toISOString();
    per.set(message.conversationId, { n: p.n + 1, at: at > p.at ? at : p.at });
  }
  const ids = [...per.keys()];
  const byId = (pick: (p: { n: number; at: string }) => unknown) =>
    sql<string>`case id ${sql.join(
      ids.map((id) => sql`when ${id} then ${pick(per.get(id)!)}`),
      sql` `,
    )} end`;
  const bumped = await trx
    .updateTable('chat_conversations')
    .set({
      last_seq: sql`last_seq + ${byId((p) => sql`cast(${p.n} as integer)`)}`,
      last_message_at: byId((p) => p.at),
      updated_at: byId((p) => p.at),
    })
    .where('id', 'in', ids)
    .returning(['id', 'last_seq'])
    .execute();
  if (bumped.length !== ids.length) throw new Error('appendMessages: a conversation does not exist');
  // each conversation's first new seq, handed out in the order given
  const next = new Map(bumped.map((b) => [b.id, Number(b.last_seq) - per.get(b.id)!.n + 1]));
  const rows: MessageRow[] = list.map(({ now, message: m }) => {
    const seq = next.get(m.conversationId)!;
    next.set(m.conversationId, seq + 1);
    return messageRow(newId(), seq, now, m);
  });
  await trx.insertInto('chat_messages').values(rows).execute();
  await recordEvents(
    trx,
    list.map(({ actor, now }, i) => ({
      actor,
      now,
      input: {
        type: 'livechat.message_posted' as const,
        subjectType: 'chat_conversation',
        subjectId: rows[i].conversation_id,
        data: { conversationId: rows[i].conversation_id, seq: rows[i].seq },
      },
    })),
  );
  return rows;
}

/**
 * PostgreSQL: what `appendMessages` does, as one statement outside any transaction (it is atomic
 * by itself), so no conversation row stays locked while this node's event loop is busy between
 * statements. The conversations' rows are locked in id order (no deadlock with another node's
 * batch). An item marked `firstResponse` (an agent's text) also stores the conversation's first
 * human response when it has none yet, with its `livechat.first_responded` event, as
 * `markFirstResponse` does. An item whose conversation no longer exists is left out (undefined).
 * The two events' data are written here in SQL, of the shapes livechat.events.ts declares (the
 * catalogue check of `recordEvents` does not run on them; `append-message.pg.test.ts` reads them).
 */
export async function appendMessagesAtOnce(
  db: Db,
  list: (Appended & { firstResponse?: boolean })[],
): Promise<(MessageRow | undefined)[]> {
  const input = list.map(({ actor, now, message: m, firstResponse }, idx) => ({
    idx,
    id: newId(),
    conversation_id: m.conversationId,
    author: m.author,
    author_id: m.authorId,
    kind: m.kind,
    body: m.text,
    attachment_id: m.attachmentId ?? null,
    client_id: m.clientId ?? null,
    created_at: now.toISOString(),
    created_on: shanghaiDate(now),
    first_at: firstResponse && m.authorId ? now.toISOString() : null,
    actor_id: actor.userId,
    actor_label: actor.label,
    department_id: actor.departmentId ?? null,
    ip: actor.ip ?? null,
    request_id: actor.requestId ?? null,
  }));
  // the conversations by their ids (an index read): the planner cannot see how few rows the
  // recordset holds, and joined with it alone it would scan every conversation in each batch
  const ids = [...new Set(input.map((x) => x.conversation_id))];
  const query = sql<{ id: string; seq: number }>`
    with input as (
      select * from jsonb_to_recordset(cast(${JSON.stringify(input)} as jsonb)) as x(
        idx int, id text, conversation_id text, author text, author_id text, kind text, body text,
        attachment_id text, client_id text, created_at text, created_on text, first_at text,
        actor_id text, actor_label text, department_id text, ip text, request_id text)
    ),
    counts as (
      select conversation_id, count(*)::int as n, max(created_at) as at,
        min(idx) filter (where first_at is not null) as first_idx
      from input group by conversation_id
    ),
    locked as materialized (
      select c.id, c.number, c.first_response_at, c.first_response_due_at from chat_conversations c
      where c.id = any(cast(${ids} as text[])) order by c.id for update
    ),
    bumped as (
      update chat_conversations c set last_seq = c.last_seq + k.n, last_message_at = k.at, updated_at = k.at,
        first_response_at = coalesce(c.first_response_at, f.first_at)
      from counts k join locked l on l.id = k.conversation_id left join input f on f.idx = k.first_idx
      where c.id = k.conversation_id and c.id = any(cast(${ids} as text[]))
      returning c.id, c.last_seq, k.n, l.number, l.first_response_due_at,
        case when l.first_response_at is null then k.first_idx end as first_idx
    ),
    numbered as (
      select i.*, (b.last_seq - b.n + row_number() over (partition by i.conversation_id order by i.idx))::int as seq
      from input i join bumped b on b.id = i.conversation_id
    ),
    msgs as (
      insert into chat_messages (id, conversation_id, seq, author, author_id, kind, text, attachment_id, client_id, created_at)
      select id, conversation_id, seq, author, author_id, kind, body, attachment_id, client_id, created_at
      from numbered order by idx
      returning id, seq
    ),
    ev as (
      insert into events (type, actor_id, actor_label, subject_type, subject_id, subject_label, department_id, data,
        ip, request_id, created_at, created_on)
      select type, actor_id, actor_label, 'chat_conversation', conversation_id, label, department_id, data,
        ip, request_id, created_at, created_on
      from (
        select idx, 0 as o, 'livechat.message_posted' as type, actor_id, actor_label, conversation_id,
          null as label, department_id, json_build_object('conversationId', conversation_id, 'seq', seq)::text as data,
          ip, request_id, created_at, created_on
        from numbered
        union all
        select i.idx, 1, 'livechat.first_responded', i.actor_id, i.actor_label, i.conversation_id, b.number,
          i.department_id, json_build_object('conversationId', b.id, 'number', b.number, 'agentId', i.author_id,
            'withinDue', b.first_response_due_at is null or i.first_at <= b.first_response_due_at collate "C")::text,
          i.ip, i.request_id, i.created_at, i.created_on
        from bumped b join input i on i.idx = b.first_idx
      ) e order by idx, o
    )
    select id, seq from msgs`;
  // the same text every time: parsed and planned once per PostgreSQL connection (planning took
  // as long as running it: 1.1 of 2.6 ms per batch)
  const rows = await runPrepared(db, 'livechat_append_batch', query.compile(db));
  eventsRecorded(db);
  const seqs = new Map(rows.map((x) => [x.id, Number(x.seq)]));
  return input.map((x, i) => {
    const seq = seqs.get(x.id);
    return seq === undefined ? undefined : messageRow(x.id, seq, list[i].now, list[i].message);
  });
}

/** The stored row of a message. */
function messageRow(id: string, seq: number, now: Date, m: NewMessage): MessageRow {
  return {
    id,
    conversation_id: m.conversationId,
    seq,
    author: m.author,
    author_id: m.authorId,
    kind: m.kind,
    text: m.text,
    attachment_id: m.attachmentId ?? null,
    client_id: m.clientId ?? null,
    created_at: now.toISOString(),
  };
}
