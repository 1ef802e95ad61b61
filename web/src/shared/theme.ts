import type { ThemeConfig } from 'antd';

/**
 * Government back-office look: the bureau's blue, readable line height, and text colours dark enough
 * for WCAG AA contrast (antd's defaults for secondary text, placeholders and status tags are too light).
 */
export const staffTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0b4f9c',
    colorLink: '#0b4f9c',
    colorInfo: '#0b4f9c',
    colorInfoBg: '#e8f1fb',
    colorInfoBorder: '#a9c6ea',
    colorPrimaryBg: '#e6f0fb',
    colorSuccess: '#1d6b12',
    colorSuccessBg: '#edf7e8',
    colorSuccessBorder: '#a9d49a',
    colorError: '#b4232a',
    colorErrorBg: '#fdeeee',
    colorErrorBorder: '#f0b4b4',
    colorWarning: '#8f5b00',
    colorWarningBg: '#fff7e0',
    colorWarningBorder: '#f0d48a',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 6,
    lineHeight: 1.6,
    fontFamily:
      'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  },
  components: {
    Layout: { headerBg: '#0b4f9c', siderBg: '#ffffff', headerPadding: '0 16px' },
    Menu: { itemSelectedBg: '#e6f0fb', itemSelectedColor: '#0b4f9c' },
    // an empty table's "no data" text is drawn in the disabled colour, too light to read
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};
