/**
 * The enumerations of the API and their names in Chinese and English: the one copy that both the
 * server and the web app import. Plain constants only (no zod, no Node), so the citizen portal can
 * import a label without pulling a schema library into its bundle.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

/** The roles of SPEC §2. A user may hold several; some are scoped to the user's department. */
export const ROLES = [
  'window_agent',
  'business_agent',
  'hotline_dispatcher',
  'kb_editor',
  'kb_reviewer',
  'supervisor',
  'leader',
  'admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, Bilingual> = {
  window_agent: { zh: '窗口客服', en: 'Window agent' },
  business_agent: { zh: '业务客服', en: 'Business agent' },
  hotline_dispatcher: { zh: '热线派单员', en: 'Hotline dispatcher' },
  kb_editor: { zh: '知识库编辑', en: 'KB editor' },
  kb_reviewer: { zh: '知识库审核', en: 'KB reviewer' },
  supervisor: { zh: '督办（局办公室）', en: 'Supervisor (general office)' },
  leader: { zh: '领导', en: 'Leader' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  auditor: { zh: '审计（只读）', en: 'Auditor (read-only)' },
};
/** Roles whose work is limited to the user's own department (SPEC §2); the server refuses them without one. */
export const DEPARTMENT_SCOPED_ROLES: readonly Role[] = ['business_agent', 'kb_editor'];

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const DEPARTMENT_KINDS = ['office', 'owner', 'hotline', 'service'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, Bilingual> = {
  office: { zh: '局机关处室', en: 'Bureau office' },
  owner: { zh: '事项主办部门', en: 'Matter owner' },
  hotline: { zh: '热线办', en: 'Hotline office' },
  service: { zh: '行政服务中心', en: 'Service centre' },
};

export const MATTER_KINDS = ['依申请权力事项', '公共服务事项'] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];
export const MATTER_KIND_LABELS: Record<MatterKind, Bilingual> = {
  依申请权力事项: { zh: '依申请权力事项', en: 'Application-based' },
  公共服务事项: { zh: '公共服务事项', en: 'Public service' },
};
export const MATTER_CATEGORIES = ['水利', '供水', '排水', '海洋', '其它'] as const;
export type MatterCategory = (typeof MATTER_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<MatterCategory, Bilingual> = {
  水利: { zh: '水利', en: 'Water works' },
  供水: { zh: '供水', en: 'Water supply' },
  排水: { zh: '排水', en: 'Drainage' },
  海洋: { zh: '海洋', en: 'Marine' },
  其它: { zh: '其它', en: 'Other' },
};

/** The channels whose service hours the calendar keeps. */
export const CHANNELS = ['live_help', 'offline_hall'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, Bilingual> = {
  live_help: { zh: '线上人工帮办', en: 'Live help (online)' },
  offline_hall: { zh: '线下帮办（服务大厅）', en: 'Service hall (offline)' },
};
export const DAY_KINDS = ['holiday', 'workday'] as const;
export const DAY_SOURCES = ['preloaded', 'admin', 'import'] as const;

/** The review workflow of a knowledge entry (SPEC §3.8). */
export const KB_STATUSES = ['draft', 'submitted', 'published', 'returned', 'archived'] as const;
export type KbStatus = (typeof KB_STATUSES)[number];
export const KB_STATUS_LABELS: Record<KbStatus, Bilingual> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Awaiting review' },
  published: { zh: '已发布', en: 'Published' },
  returned: { zh: '已退回', en: 'Returned' },
  archived: { zh: '已归档', en: 'Archived' },
};
export const KB_ACTIONS = [
  'edit',
  'submit',
  'withdraw',
  'publish',
  'return',
  'archive',
  'reopen',
  'restore_version',
] as const;
export type KbAction = (typeof KB_ACTIONS)[number];

/** Where a policy document stands against the 15-working-day rule (art. 15). */
export const POLICY_STATUSES = ['upcoming', 'due_soon', 'late', 'on_time'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const POLICY_STATUS_LABELS: Record<PolicyStatus, Bilingual> = {
  upcoming: { zh: '未到期', en: 'Upcoming' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  late: { zh: '已逾期', en: 'Late' },
  on_time: { zh: '已按时发布', en: 'Published on time' },
};

export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, Bilingual> = {
  open: { zh: '待处理', en: 'Open' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  rejected: { zh: '未采纳', en: 'Rejected' },
};
export const PROPOSAL_SOURCES = ['live_help', 'phone', 'staff', 'bot'] as const;
export type ProposalSource = (typeof PROPOSAL_SOURCES)[number];
export const PROPOSAL_SOURCE_LABELS: Record<ProposalSource, Bilingual> = {
  live_help: { zh: '线上人工帮办', en: 'Live help' },
  phone: { zh: '电话咨询', en: 'Phone' },
  staff: { zh: '工作人员', en: 'Staff' },
  bot: { zh: '小申', en: 'Bot' },
};

export const TERM_KINDS = ['dictionary', 'synonym'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** Why a bot question sits in the unanswered inbox. */
export const INBOX_REASONS = ['no_match', 'unsolved', 'suggested'] as const;
export type InboxReason = (typeof INBOX_REASONS)[number];
export const INBOX_REASON_LABELS: Record<InboxReason, Bilingual> = {
  no_match: { zh: '没找到答案', en: 'No match' },
  unsolved: { zh: '回答了但没解决', en: 'Answered, not solved' },
  suggested: { zh: '只给了猜测', en: 'Only suggestions' },
};

export const BOT_DECISIONS = ['answer', 'suggest', 'none', 'smalltalk', 'picked'] as const;
export type BotDecision = (typeof BOT_DECISIONS)[number];
export const BOT_NEXT_STEPS = ['rate', 'transfer', 'leave_message'] as const;

/** A citizen's message for a call back: open → called back → closed. */
export const CALLBACK_STATUSES = ['open', 'called_back', 'closed'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
export const CALLBACK_STATUS_LABELS: Record<CallbackStatus, Bilingual> = {
  open: { zh: '待回电', en: 'To call back' },
  called_back: { zh: '已回电', en: 'Called back' },
  closed: { zh: '已办结', en: 'Closed' },
};

/** The five levels of a 好差评 rating, 5 = best. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LABELS: Record<RatingLevel, Bilingual> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};

/** Names of the audit trail's event types (the audit page's filter and column). */
export const EVENT_TYPE_LABELS: Record<string, Bilingual> = {
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'auth.login_failed': { zh: '登录失败', en: 'Sign-in failed' },
  'auth.locked': { zh: '账号被锁定', en: 'Account locked' },
  'user.created': { zh: '新建用户', en: 'User created' },
  'user.updated': { zh: '修改用户', en: 'User updated' },
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  'user.disabled': { zh: '停用用户', en: 'User disabled' },
  'user.enabled': { zh: '启用用户', en: 'User enabled' },
  'department.created': { zh: '新建部门', en: 'Department created' },
  'department.updated': { zh: '修改部门', en: 'Department updated' },
  'matter.created': { zh: '新建事项', en: 'Matter created' },
  'matter.updated': { zh: '修改事项', en: 'Matter updated' },
  'calendar.day_set': { zh: '设置日历日期', en: 'Calendar day set' },
  'calendar.day_removed': { zh: '删除日历日期', en: 'Calendar day removed' },
  'calendar.year_imported': { zh: '导入全年日历', en: 'Calendar year imported' },
  'calendar.preloaded': { zh: '预置节假日', en: 'Holidays preloaded' },
  'service_hours.updated': { zh: '修改服务时间', en: 'Service hours updated' },
  'kb.demo_seeded': { zh: '导入演示知识库', en: 'Demo KB loaded' },
  'org.demo_accounts_seeded': { zh: '创建演示账号', en: 'Demo accounts created' },
  'org.seeded': { zh: '初始化组织数据', en: 'Organisation seeded' },
  'kb.entry_created': { zh: '新建知识条目', en: 'KB entry created' },
  'kb.entry_updated': { zh: '修改知识条目', en: 'KB entry updated' },
  'kb.entry_submitted': { zh: '提交审核', en: 'KB entry submitted' },
  'kb.entry_withdrawn': { zh: '撤回审核', en: 'KB entry withdrawn' },
  'kb.entry_returned': { zh: '退回修改', en: 'KB entry returned' },
  'kb.entry_published': { zh: '发布知识条目', en: 'KB entry published' },
  'kb.entry_archived': { zh: '归档知识条目', en: 'KB entry archived' },
  'kb.entry_restored': { zh: '恢复知识条目', en: 'KB entry restored' },
  'kb.imported': { zh: '导入知识库', en: 'KB imported' },
  'kb.policy_created': { zh: '登记政策文件', en: 'Policy registered' },
  'kb.policy_updated': { zh: '修改政策文件', en: 'Policy updated' },
  'kb.policy_reminder': { zh: '政策问答发布提醒', en: 'Policy Q&A reminder' },
  'kb.proposal_created': { zh: '提交知识提议', en: 'KB proposal made' },
  'kb.proposal_accepted': { zh: '采纳知识提议', en: 'KB proposal accepted' },
  'kb.proposal_rejected': { zh: '不采纳知识提议', en: 'KB proposal rejected' },
  'kb.terms_updated': { zh: '修改词典或同义词', en: 'Dictionary or synonyms changed' },
  'bot.inbox_dismissed': { zh: '忽略未解答问题', en: 'Unanswered question dismissed' },
  'callback.created': { zh: '市民留言', en: 'Callback message left' },
  'callback.phone_revealed': { zh: '查看留言人号码', en: 'Caller number revealed' },
  'callback.called_back': { zh: '登记回电', en: 'Call back logged' },
  'callback.closed': { zh: '留言办结', en: 'Callback closed' },
};

/** Names of the things an event is about. */
export const SUBJECT_TYPE_LABELS: Record<string, Bilingual> = {
  user: { zh: '用户', en: 'User' },
  department: { zh: '部门', en: 'Department' },
  matter: { zh: '事项', en: 'Matter' },
  kb_entry: { zh: '知识条目', en: 'KB entry' },
  callback_request: { zh: '留言', en: 'Callback' },
};
