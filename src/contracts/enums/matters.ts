/** The matter catalogue's kinds and categories (the citizen portal shows them). */
import type { Bilingual } from './common.js';

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
