import type { Generated } from 'kysely';

/**
 * The database as Kysely sees it. Portable conventions (same on SQLite and PostgreSQL):
 * ids are text UUIDs, times are ISO-8601 UTC text (sortable), booleans are 0/1 integers,
 * structured values are JSON text. Only `events.id` is a database-generated integer,
 * because event consumers tail the table in id order.
 */
export interface Database {
  departments: DepartmentTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  matters: MatterTable;
  calendar_days: CalendarDayTable;
  service_hours: ServiceHoursTable;
  events: EventTable;
  event_consumers: EventConsumerTable;
  event_parked: EventParkedTable;
  jobs: JobTable;
  idempotency_keys: IdempotencyKeyTable;
  settings: SettingTable;
  kb_entries: KbEntryTable;
  kb_versions: KbVersionTable;
  policy_documents: PolicyDocumentTable;
  policy_entries: PolicyEntryTable;
  kb_proposals: KbProposalTable;
  kb_terms: KbTermTable;
  bot_sessions: BotSessionTable;
  bot_turns: BotTurnTable;
  bot_learned_questions: BotLearnedQuestionTable;
  ratings: RatingTable;
  callback_requests: CallbackRequestTable;
  counters: CounterTable;
  login_failures: LoginFailureTable;
  duty_roster: DutyRosterTable;
  duty_states: DutyStateTable;
  duty_records: DutyRecordTable;
  conduct_phrases: ConductPhraseTable;
  conduct_warnings: ConductWarningTable;
  conduct_canned_replies: ConductCannedReplyTable;
  chat_conversations: ChatConversationTable;
  chat_messages: ChatMessageTable;
  chat_attachments: ChatAttachmentTable;
  chat_holders: ChatHolderTable;
  chat_transfers: ChatTransferTable;
  chat_breaches: ChatBreachTable;
  chat_hotline_cases: ChatHotlineCaseTable;
  chat_consults: ChatConsultTable;
  chat_consult_messages: ChatConsultMessageTable;
  phone_calls: PhoneCallTable;
  phone_forms: PhoneFormTable;
  notifications: NotificationTable;
  notification_prefs: NotificationPrefTable;
  notification_profiles: NotificationProfileTable;
  notification_channels: NotificationChannelTable;
  notification_deliveries: NotificationDeliveryTable;
  work_orders: WorkOrderTable;
  work_order_types: WorkOrderTypeTable;
  work_order_co_departments: WorkOrderCoDepartmentTable;
  api_clients: ApiClientTable;
  api_client_keys: ApiClientKeyTable;
}

export interface DepartmentTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  kind: string; // 'office' | 'owner' | 'hotline' | 'service'
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  department_id: string | null;
  phone: string | null;
  /** 工号, shown to citizens with the name; unique when set */
  work_number: string | null;
  status: string; // 'active' | 'disabled'
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  id: string; // sha256 of the cookie token
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface MatterTable {
  id: string;
  code: string;
  name: string;
  kind: string; // '依申请权力事项' | '公共服务事项'
  owner_department_id: string;
  live_help: number;
  guide_url: string | null;
  category: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface CalendarDayTable {
  date: string; // YYYY-MM-DD, Asia/Shanghai
  kind: string; // 'holiday' | 'workday'
  name: string | null;
  source: string; // 'preloaded' | 'admin' | 'import'
  updated_at: string;
}

export interface ServiceHoursTable {
  channel: string; // 'live_help' | 'offline_hall'
  periods: string; // JSON [{start,end}]
  updated_at: string;
}

export interface EventTable {
  id: Generated<number>;
  type: string;
  actor_id: string | null;
  actor_label: string | null;
  subject_type: string | null;
  subject_id: string | null;
  /** the subject's human name or number when the event was recorded */
  subject_label: string | null;
  department_id: string | null;
  data: string; // JSON
  ip: string | null;
  request_id: string | null;
  created_at: string;
  /** Shanghai date of created_at (YYYY-MM-DD): what reports group by */
  created_on: string;
  /** PostgreSQL: the writing transaction's id (xid8, as text), filled by the database; SQLite: NULL */
  tx_id: Generated<string | null>;
}

/** A durable event consumer: its cursor (last finished event) and the lease of the node running it. */
export interface EventConsumerTable {
  name: string;
  cursor_tx: string | null;
  cursor_id: number;
  attempts: number; // failed attempts on the event after the cursor
  last_error: string | null;
  locked_by: string | null;
  locked_until: string | null;
  updated_at: string;
}

/** An event a consumer gave up on after repeated failures. */
export interface EventParkedTable {
  consumer: string;
  event_id: number;
  event_type: string;
  attempts: number;
  error: string | null;
  parked_at: string;
}

export interface JobTable {
  id: string; // deterministic: `${name}:${key}`
  name: string;
  payload: string; // JSON
  run_at: string;
  status: string; // 'pending' | 'running' | 'done' | 'failed'
  attempts: number;
  locked_by: string | null;
  locked_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface IdempotencyKeyTable {
  key: string; // scope + client key
  request_hash: string;
  status_code: number | null;
  response: string | null;
  created_at: string;
}

/** Failed sign-ins per typed username and client address (lockout); see sign-in.ts. */
export interface LoginFailureTable {
  username: string;
  client: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

export interface SettingTable {
  key: string;
  value: string; // JSON
  updated_at: string;
}

export interface KbEntryTable {
  id: string;
  code: string; // external id, stable across import/export (the KB's own: kb-000001)
  question: string;
  similar: string; // JSON string[]
  answer: string; // sanitised HTML
  matter_id: string | null;
  category: string;
  department_id: string; // owner department
  tags: string; // JSON string[]
  valid_from: string | null; // YYYY-MM-DD
  valid_until: string | null;
  status: string; // 'draft' | 'submitted' | 'published' | 'returned' | 'archived'
  live_version: number; // version the bot answers from; 0 = none
  review_comment: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  last_reviewed_at: string | null;
  shown_count: number;
  solved_count: number;
  unsolved_count: number;
}

export interface KbVersionTable {
  entry_id: string;
  version: number;
  question: string;
  similar: string;
  answer: string;
  matter_id: string | null;
  category: string;
  tags: string;
  valid_from: string | null;
  valid_until: string | null;
  author_id: string | null;
  reviewer_id: string | null;
  published_at: string;
  note: string | null;
}

export interface PolicyDocumentTable {
  id: string;
  title: string;
  doc_number: string | null;
  drafting_department_id: string;
  effective_date: string; // YYYY-MM-DD
  publish_by: string; // YYYY-MM-DD: latest date the Q&As may be published (15 working days before)
  reminded_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PolicyEntryTable {
  policy_id: string;
  entry_id: string;
}

export interface KbProposalTable {
  id: string;
  source: string; // 'live_help' | 'phone' | 'bot' | 'staff'
  source_ref: string | null;
  question: string;
  answer: string;
  department_id: string;
  matter_id: string | null;
  status: string; // 'open' | 'accepted' | 'rejected'
  entry_id: string | null;
  created_by: string | null;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface KbTermTable {
  id: string;
  kind: string; // 'dictionary' | 'synonym'
  value: string;
  updated_at: string;
}

export interface BotSessionTable {
  id: string;
  token_hash: string;
  channel: string; // 'portal' | 'widget'
  origin: string | null;
  created_at: string;
  created_on: string; // Shanghai date of created_at
  last_at: string;
  turns: number;
}

export interface BotTurnTable {
  id: string;
  session_id: string;
  seq: number;
  question: string;
  decision: string; // 'answer' | 'suggest' | 'none' | 'smalltalk' | 'invalid'
  entry_id: string | null;
  entry_version: number | null;
  matter_id: string | null;
  confidence: number | null;
  candidates: string; // JSON [{entryId, score}]
  feedback: string | null; // 'solved' | 'unsolved'
  feedback_at: string | null;
  inbox_status: string | null; // 'open' | 'attached' | 'new_entry' | 'dismissed'; null = not in the inbox
  inbox_entry_id: string | null;
  inbox_handled_by: string | null;
  inbox_handled_at: string | null;
  created_at: string;
  created_on: string; // Shanghai date of created_at
  suggested: string; // JSON [entryId]: the "您是不是想问" choices shown, best first
  choice: string | null; // the suggested entry the citizen opened, or 'none' (都不是)
  choice_at: string | null;
}

/** A question a citizen confirmed for an entry (opened the suggestion, marked it solved). */
export interface BotLearnedQuestionTable {
  id: string;
  entry_id: string;
  department_id: string; // the entry's owning department when proposed
  question: string;
  turn_id: string; // the first turn that proposed it
  citizens: number; // how many confirmations
  status: string; // 'proposed' | 'accepted' | 'rejected'
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface RatingTable {
  id: string;
  channel: string; // 'bot' | 'live_help' | 'phone' | 'hall' | …
  subject_type: string;
  subject_id: string;
  level: number; // 5 非常满意 … 1 非常不满意
  comment: string | null;
  department_id: string | null;
  /** 1: anonymous; 0: real-name (rater_name, and rater_id for a signed-in user) */
  anonymous: number;
  rater_id: string | null;
  rater_name: string | null;
  created_at: string;
  created_on: string; // Shanghai date of created_at
}

export interface CallbackRequestTable {
  id: string;
  number: string;
  name: string;
  phone: string;
  question: string;
  source: string; // the channel: 'bot' | 'live_help' | 'phone' | …
  /** the service the case comes from (e.g. 'bot_session' + its id) */
  subject_type: string | null;
  subject_id: string | null;
  bot_session_id: string | null;
  matter_id: string | null;
  department_id: string | null;
  status: string; // 'open' | 'called_back' | 'closed'
  due_at: string;
  result: string | null;
  handled_by: string | null;
  handled_at: string | null;
  created_at: string;
  created_on: string; // Shanghai date of created_at
  updated_at: string;
  /** when the due-soon / overdue notices went out (once each; migration 014) */
  due_noticed_at: Generated<string | null>;
  overdue_noticed_at: Generated<string | null>;
}

export interface CounterTable {
  name: string;
  value: number;
}

/** Who is rostered on live help on a date (Asia/Shanghai YYYY-MM-DD). */
export interface DutyRosterTable {
  date: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
}

/** An agent's live-help duty state (id = user id), moved by the duty state machine. */
export interface DutyStateTable {
  id: string;
  status: string; // 'off' | 'on'
  record_id: string | null;
  since: string | null;
  updated_at: string;
}

/** One sign-in to live-help duty and its sign-out, with the stored late / early minutes. */
export interface DutyRecordTable {
  id: string;
  user_id: string;
  department_id: string | null;
  date: string; // Asia/Shanghai date of the sign-in
  rostered: number;
  signed_in_at: string;
  late_minutes: number;
  signed_out_at: string | null;
  sign_out_reason: string | null; // DutyReason: 'self' | 'end_of_hours' | 'admin' | 'session_ended'
  early_minutes: number | null;
}

/** A forbidden phrase (禁语) and the wording to use instead. */
export interface ConductPhraseTable {
  id: string;
  phrase: string;
  suggestion: string;
  created_at: string;
  updated_at: string;
}

/** One forbidden phrase found in a staff message (no message text stored). */
export interface ConductWarningTable {
  id: string;
  phrase: string;
  channel: string;
  subject_type: string;
  subject_id: string;
  user_id: string | null;
  created_at: string;
  created_on: string;
}

/** A canned reply (常用语): global when department_id is null. */
export interface ConductCannedReplyTable {
  id: string;
  title: string;
  text: string;
  department_id: string | null;
  sort_order: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Live help (migration 009): one citizen's conversation with the service. */
export interface ChatConversationTable {
  id: string;
  number: string; // ZX + year + sequence
  token_hash: string; // the citizen's conversation token, hashed
  channel: string; // 'portal' | 'widget'
  bot_session_id: string | null;
  topic: string;
  status: string; // CHAT_STATUSES
  agent_id: string | null; // the staff member holding it now
  department_id: string | null; // the owner department it was transferred to
  skip_agent_id: string | null; // routed elsewhere when possible (the agent who let the minute lapse)
  queued_at: string;
  assigned_at: string | null;
  first_response_due_at: string | null;
  first_response_at: string | null;
  warned_at: string | null;
  breached: number;
  department_due_at: string | null;
  /** set once when a conversation waiting for its department passed department_due_at */
  department_overdue_at: string | null;
  /** a business agent's answer due after a transfer (migration 017), and when they first answered */
  transfer_due_at: string | null;
  transfer_response_at: string | null;
  outcome: string | null;
  closed_at: string | null;
  closed_by: string | null;
  last_seq: number;
  citizen_read_seq: number;
  agent_read_seq: number;
  last_message_at: string | null;
  rated: number;
  created_at: string;
  created_on: string;
  updated_at: string;
}

export interface ChatMessageTable {
  id: string;
  conversation_id: string;
  seq: number;
  author: string; // 'citizen' | 'agent' | 'bot' | 'system'
  author_id: string | null;
  kind: string; // 'text' | 'file' | 'note'
  text: string;
  attachment_id: string | null;
  client_id: string | null;
  created_at: string;
}

export interface ChatAttachmentTable {
  id: string;
  conversation_id: string;
  name: string;
  mime: string;
  size: number;
  data: Uint8Array;
  created_at: string;
  /** migration 017: the bytes were dropped after the retention period; the row stays as a tombstone */
  purged_at: string | null;
}

export interface ChatHolderTable {
  conversation_id: string;
  user_id: string;
  since: string;
}

export interface ChatTransferTable {
  id: string;
  conversation_id: string;
  from_user_id: string | null;
  department_id: string;
  to_user_id: string | null;
  note: string;
  created_at: string;
}

export interface ChatBreachTable {
  id: string;
  conversation_id: string;
  agent_id: string | null;
  due_at: string;
  created_at: string;
  created_on: string;
}

export interface ChatHotlineCaseTable {
  id: string;
  conversation_id: string;
  note: string;
  status: string; // 'pending' (dispatched by the work-order module)
  created_by: string | null;
  created_at: string;
}

export interface ChatConsultTable {
  id: string;
  conversation_id: string;
  from_user_id: string;
  department_id: string | null;
  user_id: string | null;
  created_at: string;
}

export interface ChatConsultMessageTable {
  id: string;
  consult_id: string;
  seq: number; // 1, 2, 3 … per consultation
  author_id: string;
  text: string;
  created_at: string;
}

/** A call logged by window staff (SPEC §3.3). */
export interface PhoneCallTable {
  id: string;
  caller_name: string;
  phone: string;
  type: string; // PHONE_CALL_TYPES
  matter_id: string | null;
  content: string;
  status: string; // 'open' | 'answered' | 'transferred'
  answer: string | null;
  form_id: string | null;
  created_by: string | null;
  created_at: string;
  created_on: string; // Shanghai date of created_at
  updated_at: string;
}

/** 电话咨询答复流转单 (annex 3): a complex call sent to the owner department. */
export interface PhoneFormTable {
  id: string;
  number: string; // DH + yyyymm + 4-digit sequence
  call_id: string;
  type: string;
  caller_name: string;
  phone: string;
  matter_id: string | null;
  department_id: string;
  content: string;
  status: string; // 'transferred' | 'returned' | 'replied' | 'closed'
  /** the latest transfer (the 1-working-day clock starts here) */
  transferred_at: string;
  due_at: string;
  /** the next deadline alert (calendar/deadline-alerts.ts): 'remind' | 'overdue' | 'escalate' | null */
  pending_alert: string | null;
  reminded_at: string | null;
  /** set once by the deadline sweep */
  overdue_at: string | null;
  escalated_at: string | null;
  reply: string | null;
  answered: number | null;
  handler_name: string | null;
  head_name: string | null;
  reply_on: string | null; // YYYY-MM-DD
  replied_by: string | null;
  replied_at: string | null;
  return_reason: string | null;
  returned_at: string | null;
  kb_updated: number | null;
  kb_proposal_id: string | null;
  kb_entry_id: string | null;
  kb_entry_on: string | null; // YYYY-MM-DD, when the entry the proposal became was published
  no_kb_reason: string | null;
  closed_by: string | null;
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
  created_on: string;
  updated_at: string;
}

/** One notice for one staff member (unique per event and recipient: a redelivered event adds nothing). */
export interface NotificationTable {
  id: string;
  recipient_id: string;
  kind: string; // NOTIFICATION_KINDS
  title_zh: string;
  title_en: string;
  link: string | null;
  subject_type: string | null;
  subject_id: string | null;
  event_id: number;
  created_at: string;
  created_on: string;
  read_at: string | null;
}

/** A user's choice for one kind of notice (no row: in the centre yes, by e-mail no). */
export interface NotificationPrefTable {
  user_id: string;
  kind: string;
  in_app: number;
  email: number;
  updated_at: string;
}

/** A user's own e-mail address for notices. */
export interface NotificationProfileTable {
  user_id: string;
  email: string | null;
  updated_at: string;
}

/** A department's outside channels, set by an administrator. */
export interface NotificationChannelTable {
  department_id: string;
  emails: string; // JSON string[]
  webhook_url: string | null;
  enabled: number;
  updated_by: string | null;
  updated_at: string;
}

/** One e-mail or webhook call of the outbox. */
export interface NotificationDeliveryTable {
  id: string;
  dedupe_key: string;
  channel: string; // 'email' | 'webhook'
  target: string;
  subject: string;
  body: string;
  event_id: number;
  department_id: string | null;
  status: string; // DELIVERY_STATUSES
  attempts: number;
  next_attempt_at: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  created_on: string;
  sent_at: string | null;
  updated_at: string;
}

/** Time limit of an order type (工单类型时限), edited by the administrator. */
export interface WorkOrderTypeTable {
  code: string; // WORK_ORDER_TYPES
  name_zh: string;
  name_en: string;
  working_days: number;
  contact_days: number | null; // 办不成事: contact the citizen within (1 working day)
  sort_order: number;
  updated_at: string;
}

/** A hotline work order or 办不成事 report (SPEC §3.4). */
export interface WorkOrderTable {
  id: string;
  number: string; // GD + year + sequence (the citizen's receipt number)
  source: string; // WORK_ORDER_SOURCES
  external_no: string | null; // the sender's number (12345 order, live-help case): idempotency key
  type: string; // WORK_ORDER_TYPES
  status: string; // WORK_ORDER_STATUSES
  open: number; // 1 while the handling clock runs
  title: string;
  content: string;
  matter_id: string | null;
  citizen_name: string | null;
  citizen_phone: string | null;
  details: string; // JSON: channel-specific fields (online report, window record annex 6)
  department_id: string | null; // the handling department (承办部门)
  received_at: string;
  received_by: string | null;
  clock_start_at: string;
  limit_days: number;
  due_at: string;
  contact_due_at: string | null;
  pending_alert: string | null; // 'remind' | 'overdue' | 'escalate' | null
  reminded_at: string | null;
  overdue_at: string | null;
  escalated_at: string | null;
  dispatched_at: string | null;
  dispatched_by: string | null;
  return_reason: string | null;
  returned_count: number;
  extension_days: number | null;
  extension_reason: string | null;
  extended: number;
  reply: string | null;
  resolved: number | null;
  unresolved_reason: string | null;
  handler_name: string | null;
  handler_phone: string | null;
  replied_at: string | null;
  replied_by: string | null;
  on_time: number | null;
  satisfaction: number | null;
  callback_note: string | null;
  called_back_at: string | null;
  reopened_count: number;
  closed_at: string | null;
  created_at: string;
  created_on: string;
  updated_at: string;
}

export interface WorkOrderCoDepartmentTable {
  order_id: string;
  department_id: string;
}

/** A client system of the integration API (the 12345 city platform), issued by an administrator. */
export interface ApiClientTable {
  id: string;
  name: string;
  scopes: string; // JSON array
  callback_url: string | null;
  rate_per_minute: number;
  status: string; // 'active' | 'revoked'
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revoked_at: string | null;
}

export interface ApiClientKeyTable {
  id: string;
  client_id: string;
  key_hash: string;
  hint: string;
  created_at: string;
  expires_at: string | null;
}
