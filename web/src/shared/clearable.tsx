import { useMemo } from 'react';
import { CloseCircleFilled } from '@ant-design/icons';
import { useT } from '../i18n/index.js';

/**
 * `allowClear` for antd's Select and Input whose clear button a screen reader names in the user's language
 * (antd names it "Clear" or "close-circle" whatever the locale): `<Select allowClear={clearable} … />`.
 */
export function useClearable(): { label: string; clearIcon: React.ReactNode } {
  const t = useT();
  return useMemo(
    () => ({ label: t('common.clear'), clearIcon: <CloseCircleFilled aria-label={t('common.clear')} /> }),
    [t],
  );
}
