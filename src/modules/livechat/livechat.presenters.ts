import type { DbOrTrx } from '../../platform/db/connect.js';
import type {
  TAgentConversation,
  TChatFile,
  TChatMessage,
  TChatStaff,
  TCitizenConversation,
} from '../../contracts/livechat.js';
import type { TLiveHelp } from '../../contracts/bot.js';
import {
  CHAT_STATUS_LABELS,
  type ChatAuthor,
  type ChatMessageKind,
  type ChatOutcome,
  type ChatStatus,
} from '../../contracts/enums/livechat.js';
import { departmentName, staffByIds, type ConversationRow, type MessageRow } from './livechat.repo.js';

/** Rows → API shapes: messages with their author and file, the citizen's and the agent's view. */

export async function presentMessages(db: DbOrTrx, rows: MessageRow[]): Promise<TChatMessage[]> {
  const staff = await staffByIds(
    db,
    rows.map((r) => (r.author === 'agent' ? r.author_id : null)),
  );
  const fileIds = rows.flatMap((r) => (r.attachment_id ? [r.attachment_id] : []));
  const files = new Map<string, TChatFile>();
  if (fileIds.length)
    for (const f of await db
      .selectFrom('chat_attachments')
      .select(['id', 'name', 'mime', 'size', 'purged_at'])
      .where('id', 'in', fileIds)
      .execute())
      files.set(f.id, { id: f.id, name: f.name, mime: f.mime, size: Number(f.size), purgedAt: f.purged_at });
  return rows.map((r) => presentMessage(r, staff, files));
}

export function presentMessage(
  r: MessageRow,
  staff: Map<string, TChatStaff>,
  files: Map<string, TChatFile>,
): TChatMessage {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    seq: Number(r.seq),
    from: r.author as ChatAuthor,
    author: r.author === 'agent' && r.author_id ? (staff.get(r.author_id) ?? null) : null,
    kind: r.kind as ChatMessageKind,
    text: r.text,
    file: r.attachment_id ? (files.get(r.attachment_id) ?? null) : null,
    clientId: r.client_id,
    at: r.created_at,
  };
}

/** The citizen's view: status, queue position and estimated wait while queued, who is answering. */
export async function citizenConversation(
  db: DbOrTrx,
  c: ConversationRow,
  liveHelp: TLiveHelp,
  agentsOnDuty: number,
): Promise<TCitizenConversation> {
  let position: number | null = null;
  let estimatedWaitSeconds: number | null = null;
  if (c.status === 'queued') {
    const ahead = await db
      .selectFrom('chat_conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'queued')
      .where((eb) =>
        eb.or([eb('queued_at', '<', c.queued_at), eb.and([eb('queued_at', '=', c.queued_at), eb('id', '<', c.id)])]),
      )
      .executeTakeFirstOrThrow();
    position = Number(ahead.n) + 1;
    // about a minute per citizen ahead, shared by the agents on duty
    estimatedWaitSeconds = Math.ceil(position / Math.max(1, agentsOnDuty)) * 60;
  }
  const staff = await staffByIds(db, [c.agent_id]);
  return {
    id: c.id,
    number: c.number,
    status: c.status as ChatStatus,
    statusLabel: CHAT_STATUS_LABELS[c.status as ChatStatus],
    position,
    estimatedWaitSeconds,
    agent: c.agent_id ? (staff.get(c.agent_id) ?? null) : null,
    department: await departmentName(db, c.department_id),
    outcome: (c.outcome as ChatOutcome | null) ?? null,
    lastSeq: Number(c.last_seq),
    agentReadSeq: Number(c.agent_read_seq),
    rated: c.rated === 1,
    liveHelp,
  };
}

/** The agents' view of conversations (a list): unread = citizen messages above the staff side's read seq. */
export async function agentConversations(db: DbOrTrx, rows: ConversationRow[]): Promise<TAgentConversation[]> {
  const staff = await staffByIds(
    db,
    rows.map((r) => r.agent_id),
  );
  const unread = new Map<string, number>();
  for (const r of rows) {
    if (Number(r.last_seq) <= Number(r.agent_read_seq)) continue;
    const n = await db
      .selectFrom('chat_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('conversation_id', '=', r.id)
      .where('author', '=', 'citizen')
      .where('seq', '>', r.agent_read_seq)
      .executeTakeFirstOrThrow();
    unread.set(r.id, Number(n.n));
  }
  return rows.map((c) => ({
    id: c.id,
    number: c.number,
    status: c.status as ChatStatus,
    statusLabel: CHAT_STATUS_LABELS[c.status as ChatStatus],
    channel: c.channel,
    topic: c.topic,
    agent: c.agent_id ? (staff.get(c.agent_id) ?? null) : null,
    agentId: c.agent_id,
    departmentId: c.department_id,
    queuedAt: c.queued_at,
    assignedAt: c.assigned_at,
    firstResponseDueAt: c.first_response_due_at,
    firstResponseAt: c.first_response_at,
    breached: c.breached === 1,
    transferDueAt: c.status === 'transferred' ? c.transfer_due_at : null,
    transferResponseAt: c.status === 'transferred' ? c.transfer_response_at : null,
    departmentDueAt: c.status === 'awaiting_department' ? c.department_due_at : null,
    departmentOverdue: c.status === 'awaiting_department' && c.department_overdue_at !== null,
    lastSeq: Number(c.last_seq),
    readSeq: Number(c.agent_read_seq),
    unread: unread.get(c.id) ?? 0,
    lastMessageAt: c.last_message_at,
    outcome: (c.outcome as ChatOutcome | null) ?? null,
  }));
}
