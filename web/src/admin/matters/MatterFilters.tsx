import { Button, Checkbox, Input, Select, Space } from 'antd';
import { useLang, useT } from '../../i18n/index.js';
import {
  CATEGORY_LABELS,
  MATTER_CATEGORIES,
  MATTER_KIND_LABELS,
  MATTER_KINDS,
} from '../../../../src/contracts/enums/matters.js';
import { useClearable } from '../../shared/clearable.js';

export const MATTER_FILTER_KEYS = ['q', 'departmentId', 'category', 'kind', 'liveHelp', 'includeInactive'] as const;
type Values = Record<(typeof MATTER_FILTER_KEYS)[number], string>;

export function MatterFilters({
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
  const any =
    values.q || values.departmentId || values.category || values.kind || values.liveHelp || values.includeInactive;
  return (
    <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
      <Input.Search
        key={values.q}
        defaultValue={values.q}
        allowClear={clearable}
        placeholder={t('matter.searchPlaceholder')}
        aria-label={t('matter.searchPlaceholder')}
        onSearch={(q) => onChange({ q: q.trim() })}
        style={{ width: 220 }}
      />
      <Select
        allowClear={clearable}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('matter.allOwners')}
        aria-label={t('matter.owner')}
        style={{ width: 170 }}
        value={values.departmentId || undefined}
        options={departments}
        onChange={(v?: string) => onChange({ departmentId: v })}
      />
      <Select
        allowClear={clearable}
        placeholder={t('matter.allCategories')}
        aria-label={t('matter.category')}
        style={{ width: 130 }}
        value={values.category || undefined}
        options={MATTER_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c][lang] }))}
        onChange={(v?: string) => onChange({ category: v })}
      />
      <Select
        allowClear={clearable}
        placeholder={t('matter.allKinds')}
        aria-label={t('matter.kind')}
        style={{ width: 160 }}
        value={values.kind || undefined}
        options={MATTER_KINDS.map((k) => ({ value: k, label: MATTER_KIND_LABELS[k][lang] }))}
        onChange={(v?: string) => onChange({ kind: v })}
      />
      <Select
        allowClear={clearable}
        placeholder={t('matter.liveHelpAny')}
        aria-label={t('matter.liveHelp')}
        style={{ width: 150 }}
        value={values.liveHelp || undefined}
        options={[
          { value: 'true', label: t('matter.liveHelpYes') },
          { value: 'false', label: t('matter.liveHelpNo') },
        ]}
        onChange={(v?: string) => onChange({ liveHelp: v })}
      />
      <Checkbox
        checked={values.includeInactive === 'true'}
        onChange={(e) => onChange({ includeInactive: e.target.checked ? 'true' : undefined })}
      >
        {t('matter.showInactive')}
      </Checkbox>
      {any && (
        <Button
          onClick={() =>
            onChange({
              q: undefined,
              departmentId: undefined,
              category: undefined,
              kind: undefined,
              liveHelp: undefined,
              includeInactive: undefined,
            })
          }
        >
          {t('common.clearFilters')}
        </Button>
      )}
    </Space>
  );
}
