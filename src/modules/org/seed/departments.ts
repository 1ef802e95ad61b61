/** The Shanghai Water Authority's departments (SPEC §2), shipped as the editable default. */
export const DEFAULT_DEPARTMENTS = [
  { code: 'general-office', nameZh: '局办公室', nameEn: 'General Office', kind: 'office' },
  { code: 'legal', nameZh: '局法规处', nameEn: 'Legal Division', kind: 'office' },
  { code: 'sci-it', nameZh: '局科信处', nameEn: 'Science & IT Division', kind: 'office' },
  { code: 'hotline', nameZh: '局热线办', nameEn: 'Hotline Office', kind: 'hotline' },
  { code: 'service-centre', nameZh: '局行政服务中心', nameEn: 'Administrative Service Centre', kind: 'service' },
  { code: 'water-resources', nameZh: '水资源管理处', nameEn: 'Water Resources Division', kind: 'owner' },
  { code: 'water-supply', nameZh: '供水处', nameEn: 'Water Supply Division', kind: 'owner' },
  { code: 'drainage', nameZh: '排水处', nameEn: 'Drainage Division', kind: 'owner' },
  { code: 'rivers-lakes', nameZh: '河湖管理处', nameEn: 'Rivers & Lakes Division', kind: 'owner' },
  { code: 'ocean', nameZh: '海洋处', nameEn: 'Ocean Division', kind: 'owner' },
] as const;
