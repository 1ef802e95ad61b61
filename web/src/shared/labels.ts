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
