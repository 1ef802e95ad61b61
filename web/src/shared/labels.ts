import type { Lang } from '../i18n/index.js';
import type { Bilingual, DepartmentKind, MatterCategory, MatterKind, Role } from '../api/types.js';

/** Bilingual names of the server's enumerations. */
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

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, Bilingual> = {
  office: { zh: '局机关处室', en: 'Bureau office' },
  owner: { zh: '事项主办部门', en: 'Matter owner' },
  hotline: { zh: '热线办', en: 'Hotline office' },
  service: { zh: '行政服务中心', en: 'Service centre' },
};

export const CATEGORY_LABELS: Record<MatterCategory, Bilingual> = {
  水利: { zh: '水利', en: 'Water works' },
  供水: { zh: '供水', en: 'Water supply' },
  排水: { zh: '排水', en: 'Drainage' },
  海洋: { zh: '海洋', en: 'Marine' },
  其它: { zh: '其它', en: 'Other' },
};

export const MATTER_KIND_LABELS: Record<MatterKind, Bilingual> = {
  依申请权力事项: { zh: '依申请权力事项', en: 'Application-based' },
  公共服务事项: { zh: '公共服务事项', en: 'Public service' },
};

export const AUDIT_TYPE_LABELS: Record<string, Bilingual> = {
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

export const SUBJECT_TYPE_LABELS: Record<string, Bilingual> = {
  user: { zh: '用户', en: 'User' },
  department: { zh: '部门', en: 'Department' },
  matter: { zh: '事项', en: 'Matter' },
  kb_entry: { zh: '知识条目', en: 'KB entry' },
  callback_request: { zh: '留言', en: 'Callback' },
};

export function label(map: Record<string, Bilingual>, key: string | null | undefined, lang: Lang): string {
  if (!key) return '';
  const l = map[key];
  return l ? l[lang] : key;
}
