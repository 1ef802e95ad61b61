import { Button, Input, Select, Space } from 'antd';
import { useLang, useT } from '../../i18n/index.js';
import { ROLE_LABELS, ROLES } from '../../../../src/contracts/enums/org.js';
import { useClearable } from '../../shared/clearable.js';

export const USER_FILTER_KEYS = ['q', 'departmentId', 'role', 'status', 'page', 'pageSize'] as const;
type Values = Record<(typeof USER_FILTER_KEYS)[number], string>;

/** Keyword, department, role and status filters (kept in the address bar by the page). */
export function UserFilters({
  values,
  onChange,
  departments,
}: {
  values: Values;
  onChange(p: Partial<Values>): void;
  departments: { value: string; label: string }[];
}) {
  const t = useT();
  const clearable = useClearable();
  const { lang } = useLang();
  return (
    <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
      <Input.Search
        key={values.q}
        defaultValue={values.q}
        allowClear={clearable}
        placeholder={t('user.searchPlaceholder')}
        aria-label={t('user.searchPlaceholder')}
        onSearch={(q) => onChange({ q: q.trim() })}
        style={{ width: 240 }}
        data-testid="user-search"
      />
      <Select
        allowClear={clearable}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('user.allDepartments')}
        aria-label={t('user.department')}
        style={{ width: 180 }}
        value={values.departmentId || undefined}
        options={departments}
        onChange={(v?: string) => onChange({ departmentId: v })}
      />
      <Select
        allowClear={clearable}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('user.allRoles')}
        aria-label={t('user.roles')}
        style={{ width: 170 }}
        value={values.role || undefined}
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
        onChange={(v?: string) => onChange({ role: v })}
      />
      <Select
        allowClear={clearable}
        placeholder={t('user.allStatuses')}
        aria-label={t('common.status')}
        style={{ width: 130 }}
        value={values.status || undefined}
        options={[
          { value: 'active', label: t('user.statusActive') },
          { value: 'disabled', label: t('user.statusDisabled') },
        ]}
        onChange={(v?: string) => onChange({ status: v })}
      />
      {(values.q || values.departmentId || values.role || values.status) && (
        <Button onClick={() => onChange({ q: undefined, departmentId: undefined, role: undefined, status: undefined })}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Space>
  );
}
