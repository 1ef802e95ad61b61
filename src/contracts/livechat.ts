import { z } from 'zod';
import { ZBilingual, listOf } from './common.js';
import { ZLiveHelp } from './bot.js';
import { CHAT_AUTHORS, CHAT_MESSAGE_KINDS, CHAT_OUTCOMES, CHAT_STATUSES, CHAT_TEXT_MAX } from './enums.js';

/**
 * Live help (SPEC §3.2): the REST shapes and the WebSocket frames of `/api/chat/ws`.
 *
 * Citizens are anonymous: joining the queue returns a conversation token, sent in the
 * `x-chat-token` header on REST calls and in the `hello` frame on the socket (like the bot's
 * token, so the widget works inside another site's page). Staff use their session cookie.
 * Every message is stored before it is acknowledged; a client message carries its own
 * `clientId`, so a retry answers the stored message again instead of storing it twice.
 */

export const CHAT_TOKEN_HEADER = 'x-chat-token';

/** The staff member a citizen sees (seed art. 7: staff show who they are). */
export const ZChatStaff = z.object({ displayName: z.string(), workNumber: z.string().nullable() });
export type TChatStaff = z.infer<typeof ZChatStaff>;

export const ZChatFile = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  /** set when the file was deleted after the retention period (the message stays, the bytes are gone) */
  purgedAt: z.string().nullable(),
});
export type TChatFile = z.infer<typeof ZChatFile>;

/** One message of a conversation; `seq` orders them (1, 2, 3 … per conversation, no gaps). */
export const ZChatMessage = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int(),
  from: z.enum(CHAT_AUTHORS),
  /** the staff member who wrote it (from = 'agent'); null otherwise */
  author: ZChatStaff.nullable(),
  kind: z.enum(CHAT_MESSAGE_KINDS),
  /** plain text, shown as text (never as HTML); for a file, its caption or '' */
  text: z.string(),
  file: ZChatFile.nullable(),
  /** the sender's own id for the message (echoed so the sender can match its ack) */
  clientId: z.string().nullable(),
  at: z.string(),
});
export type TChatMessage = z.infer<typeof ZChatMessage>;

/** What the citizen sees of their conversation. */
export const ZCitizenConversation = z.object({
  id: z.string(),
  /** shown to the citizen and quoted on the phone, e.g. ZX20260000123 */
  number: z.string(),
  status: z.enum(CHAT_STATUSES),
  statusLabel: ZBilingual,
  /** 1 = next; null once an agent has it */
  position: z.number().int().nullable(),
  /** estimated seconds until an agent answers; null once an agent has it */
  estimatedWaitSeconds: z.number().int().nullable(),
  agent: ZChatStaff.nullable(),
  /** the owner department it was transferred to (the citizen is told which) */
  department: ZBilingual.nullable(),
  outcome: z.enum(CHAT_OUTCOMES).nullable(),
  /** the highest seq stored; the agent has read up to agentReadSeq */
  lastSeq: z.number().int(),
  agentReadSeq: z.number().int(),
  rated: z.boolean(),
  liveHelp: ZLiveHelp,
});
export type TCitizenConversation = z.infer<typeof ZCitizenConversation>;

/** POST /api/chat/conversations: join the queue (from the bot's 转人工 with its token, or directly). */
export const ZJoinChat = z.object({
  channel: z.enum(['portal', 'widget']),
  /** the bot conversation's token: its history travels to the agent */
  botToken: z.string().min(10).max(100).optional(),
  /** what the citizen wants help with (optional; the bot's last question otherwise) */
  question: z.string().max(CHAT_TEXT_MAX).optional(),
});
export type TJoinChat = z.infer<typeof ZJoinChat>;
export const ZJoinedChat = z.object({ token: z.string(), conversation: ZCitizenConversation });
export type TJoinedChat = z.infer<typeof ZJoinedChat>;

/** GET …/messages?after=seq (both sides; the citizen never receives notes). */
export const ZChatMessages = z.object({ items: z.array(ZChatMessage), lastSeq: z.number().int() });
export type TChatMessages = z.infer<typeof ZChatMessages>;

/** POST …/rating: five-level 好差评 with an optional comment. */
export const ZRateChat = z.object({
  level: z.number().int().min(1).max(5),
  comment: z.string().max(500).optional(),
});
export type TRateChat = z.infer<typeof ZRateChat>;

/** One conversation in an agent's list (citizen details masked). */
export const ZAgentConversation = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(CHAT_STATUSES),
  statusLabel: ZBilingual,
  channel: z.string(),
  /** the citizen's first question (or the bot's last one) */
  topic: z.string(),
  agent: ZChatStaff.nullable(),
  agentId: z.string().nullable(),
  departmentId: z.string().nullable(),
  queuedAt: z.string(),
  assignedAt: z.string().nullable(),
  /** when the first human response is due (stored, by the working-time engine) */
  firstResponseDueAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  breached: z.boolean(),
  /** transferred: when the business agent holding it must first answer, and when they did (null: no clock) */
  transferDueAt: z.string().nullable(),
  transferResponseAt: z.string().nullable(),
  /** waiting for the department: its reply is due then (one working day), overdue once past */
  departmentDueAt: z.string().nullable(),
  departmentOverdue: z.boolean(),
  lastSeq: z.number().int(),
  /** the highest seq this agent has read; unread = citizen messages above it */
  readSeq: z.number().int(),
  unread: z.number().int(),
  lastMessageAt: z.string().nullable(),
  outcome: z.enum(CHAT_OUTCOMES).nullable(),
});
export type TAgentConversation = z.infer<typeof ZAgentConversation>;
export const ZAgentConversationList = listOf(ZAgentConversation);

/** One bot turn of the citizen's history before the hand-over. */
export const ZBotHistoryTurn = z.object({
  question: z.string(),
  decision: z.string(),
  answerQuestion: z.string().nullable(),
  at: z.string(),
});

/** The agent's view of one conversation: messages (with notes), the bot history, the transfer trail. */
export const ZAgentConversationDetail = ZAgentConversation.extend({
  messages: z.array(ZChatMessage),
  botHistory: z.array(ZBotHistoryTurn),
  transfers: z.array(
    z.object({
      from: ZChatStaff.nullable(),
      departmentId: z.string(),
      department: ZBilingual,
      note: z.string(),
      at: z.string(),
    }),
  ),
  citizenReadSeq: z.number().int(),
});
export type TAgentConversationDetail = z.infer<typeof ZAgentConversationDetail>;

/** POST /api/chat/agent/conversations/:id/transfer */
export const ZTransferChat = z.object({
  departmentId: z.string().min(1).max(64),
  note: z.string().trim().min(1).max(1000),
});
export type TTransferChat = z.infer<typeof ZTransferChat>;

/** POST /api/chat/agent/conversations/:id/close */
export const ZCloseChat = z.object({
  outcome: z.enum(['answered', 'pushed_to_hotline', 'referred_12345']),
  /** for a push to the hotline office or a 12345 referral: what the case is about */
  note: z.string().max(1000).optional(),
});
export type TCloseChat = z.infer<typeof ZCloseChat>;

/** The supervisor's live wall (GET /api/chat/wall). */
export const ZChatWall = z.object({
  waiting: z.number().int(),
  longestWaitSeconds: z.number().int().nullable(),
  agents: z.array(
    ZChatStaff.extend({
      userId: z.string(),
      role: z.enum(['window_agent', 'business_agent']),
      departmentId: z.string().nullable(),
      openChats: z.number().int(),
      signedInAt: z.string().nullable(),
    }),
  ),
  today: z.object({
    conversations: z.number().int(),
    answeredWithinMinute: z.number().int(),
    /** answeredWithinMinute / conversations that got a first response; null when none */
    firstResponseRate: z.number().nullable(),
    breaches: z.number().int(),
    transferred: z.number().int(),
    closed: z.number().int(),
  }),
  breaches: z.array(
    z.object({ conversationId: z.string(), number: z.string(), agent: ZChatStaff.nullable(), at: z.string() }),
  ),
});
export type TChatWall = z.infer<typeof ZChatWall>;

// ——— WebSocket /api/chat/ws ———

/** Frames a client sends. The first must be `hello`; a frame over 16 kB closes the socket (1009). */
export const ZChatClientFrame = z.discriminatedUnion('t', [
  /** citizen: its token; staff: nothing (the session cookie). `resume`: what the client already holds. */
  z.object({
    t: z.literal('hello'),
    token: z.string().max(100).optional(),
    resume: z
      .array(z.object({ conversationId: z.string().max(64), afterSeq: z.number().int().min(0) }))
      .max(200)
      .optional(),
  }),
  /** a text message or (staff only) a note; `force` sends despite a forbidden-phrase warning */
  z.object({
    t: z.literal('send'),
    conversationId: z.string().max(64),
    clientId: z.string().min(8).max(64),
    kind: z.enum(['text', 'note']).default('text'),
    text: z.string().min(1).max(CHAT_TEXT_MAX),
    force: z.boolean().optional(),
  }),
  z.object({ t: z.literal('typing'), conversationId: z.string().max(64) }),
  z.object({ t: z.literal('read'), conversationId: z.string().max(64), seq: z.number().int().min(0) }),
  z.object({ t: z.literal('ping') }),
]);
export type TChatClientFrame = z.input<typeof ZChatClientFrame>;

/** Frames the server sends. */
export type TChatServerFrame =
  /** after hello: the conversations this socket follows (citizen: its own; agent: those assigned) */
  | { t: 'welcome'; role: 'citizen' | 'agent'; conversationIds: string[] }
  /** the message is stored: its seq; a retried clientId gets the same ack again */
  | { t: 'ack'; clientId: string; message: TChatMessage }
  /** the message was not stored, and why */
  | { t: 'reject'; clientId: string | null; code: string; message: { zh: string; en: string } }
  /** the agent's message holds forbidden phrases: not sent; edit it, or resend with force */
  | { t: 'warning'; clientId: string; phrases: { phrase: string; suggestion: string }[] }
  /** a new message in a followed conversation (also to the sender's other tabs) */
  | { t: 'message'; message: TChatMessage }
  | { t: 'typing'; conversationId: string; from: 'citizen' | 'agent' }
  | { t: 'read'; conversationId: string; by: 'citizen' | 'agent'; seq: number }
  /** a followed conversation changed (queue position, assigned, transferred, closed): the citizen's view */
  | { t: 'conversation'; conversation: TCitizenConversation }
  /** staff: a conversation was assigned to / taken from this agent, or its timer state changed */
  | { t: 'agent_conversation'; conversation: TAgentConversation; removed?: boolean }
  /** staff: the first-response clock is about to run out (seconds left) */
  | { t: 'first_response_warning'; conversationId: string; secondsLeft: number }
  /** staff: the holder answered (the window agent's first minute, or a business agent's after a transfer): the clock stops */
  | { t: 'first_responded'; conversationId: string; at: string; afterTransfer: boolean }
  /** staff: a staff-only consultation beside a conversation got a message (the whole thread) */
  | { t: 'consult'; consult: TChatConsult }
  | { t: 'pong' };

// ——— added by the livechat module (REST twins and the staff-only consultation) ———

/** A forbidden phrase found in an agent's message, with the suggested wording. */
export const ZPhraseWarning = z.object({ phrase: z.string(), suggestion: z.string() });

/**
 * POST /api/chat/messages (citizen, token) and POST /api/chat/agent/conversations/:id/messages
 * (staff): the REST twin of the socket's `send` frame, for clients without a socket.
 */
export const ZSendChatMessage = z.object({
  clientId: z.string().min(8).max(64),
  kind: z.enum(['text', 'note']).default('text'),
  text: z.string().min(1).max(CHAT_TEXT_MAX),
  force: z.boolean().optional(),
});
export type TSendChatMessage = z.input<typeof ZSendChatMessage>;
/** The stored message, or (staff) the forbidden-phrase warning and nothing stored. */
export const ZSentChatMessage = z.object({
  message: ZChatMessage.nullable(),
  warning: z.array(ZPhraseWarning).nullable(),
});
export type TSentChatMessage = z.infer<typeof ZSentChatMessage>;

/** POST …/propose-kb: an effective answer becomes a KB proposal for the owner department. */
export const ZProposeChatAnswer = z.object({
  question: z.string().trim().min(2).max(500),
  answer: z.string().trim().min(2).max(20_000),
  matterId: z.string().min(1).max(64).nullable().optional(),
  departmentId: z.string().min(1).max(64).nullable().optional(),
});
export type TProposeChatAnswer = z.infer<typeof ZProposeChatAnswer>;
export const ZProposedChatAnswer = z.object({ proposalId: z.string() });

/** One staff-only consultation (a side thread) beside a conversation; never shown to the citizen. */
export const ZChatConsult = z.object({
  id: z.string(),
  conversationId: z.string(),
  conversationNumber: z.string(),
  from: ZChatStaff,
  fromUserId: z.string(),
  /** consulted: a department's business agents, or one colleague */
  departmentId: z.string().nullable(),
  department: ZBilingual.nullable(),
  toUserId: z.string().nullable(),
  to: ZChatStaff.nullable(),
  createdAt: z.string(),
  messages: z.array(
    z.object({ id: z.string(), authorId: z.string(), author: ZChatStaff, text: z.string(), at: z.string() }),
  ),
});
export type TChatConsult = z.infer<typeof ZChatConsult>;
export const ZChatConsultList = listOf(ZChatConsult);
/** POST /api/chat/agent/conversations/:id/consults: ask a department or one colleague. */
export const ZStartConsult = z
  .object({
    departmentId: z.string().min(1).max(64).optional(),
    userId: z.string().min(1).max(64).optional(),
    text: z.string().trim().min(1).max(CHAT_TEXT_MAX),
  })
  .refine((v) => !!v.departmentId !== !!v.userId, { message: 'departmentId or userId (one of them)' });
export type TStartConsult = z.infer<typeof ZStartConsult>;
/** POST /api/chat/consults/:id/messages */
export const ZConsultReply = z.object({ text: z.string().trim().min(1).max(CHAT_TEXT_MAX) });
