import { useMemo } from 'react';
import { useLang, type Lang } from '../i18n/index.js';
import { useApiQuery } from '../api/query.js';
import type { TDepartment } from '../../../src/contracts/org.js';

export const deptName = (d: TDepartment | undefined, lang: Lang): string =>
  d ? (lang === 'en' ? d.nameEn || d.nameZh : d.nameZh) : '';

/** Departments for selects and tables (inactive ones too when asked), with names in the user's language. */
export function useDepartments(includeInactive = false) {
  const { lang } = useLang();
  const res = useApiQuery<{ items: TDepartment[] }>('/api/departments', {
    includeInactive: includeInactive || undefined,
  });
  const items = useMemo(() => res.data?.items ?? [], [res.data]);
  const options = useMemo(
    () => items.filter((d) => d.active).map((d) => ({ value: d.id, label: deptName(d, lang) })),
    [items, lang],
  );
  const nameOf = (id: string | null | undefined) =>
    deptName(
      items.find((d) => d.id === id),
      lang,
    );
  return { ...res, items, options, nameOf };
}
