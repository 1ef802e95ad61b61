import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { pick, useLang, useT } from '../../i18n/index.js';
import type { TEventTypes } from '../../../../src/contracts/audit.js';
import type { TUser } from '../../../../src/contracts/org.js';
import { useApiQuery } from '../../api/query.js';
import { useClearable } from '../../shared/clearable.js';

export const AUDIT_FILTER_KEYS = ['actorId', 'type', 'from', 'to', 'q', 'page', 'pageSize'] as const;
type Values = Record<(typeof AUDIT_FILTER_KEYS)[number], string>;

/** Kinds of event by the first part of their type (the server filters by prefix); names come with each row. */
const GROUPS = [
  { prefix: 'auth.', zh: '登录类', en: 'Sign-in' },
  { prefix: 'user.', zh: '用户类', en: 'Users' },
  { prefix: 'department.', zh: '部门类', en: 'Departments' },
  { prefix: 'matter.', zh: '事项类', en: 'Matters' },
  { prefix: 'calendar.', zh: '日历类', en: 'Calendar' },
  { prefix: 'service_hours.', zh: '服务时间类', en: 'Service hours' },
  { prefix: 'kb.', zh: '知识库类', en: 'Knowledge base' },
  { prefix: 'bot.', zh: '小申类', en: 'Xiaoshen bot' },
  { prefix: 'callback.', zh: '留言类', en: 'Call-back messages' },
  { prefix: 'org.', zh: '初始化类', en: 'Set-up' },
];

/** Actor, event type, date range (Beijing days) and keyword. */
export function AuditFilters({
  values,
  onChange,
  users,
}: {
  values: Values;
  onChange(p: Partial<Values>): void;
  users: TUser[] | undefined;
}) {
  const t = useT();
  const clearable = useClearable();
  const { lang } = useLang();
  // The single types with their names from the server's event catalogue.
  const types = useApiQuery<TEventTypes>('/api/audit/event-types');
  const typeOptions = [
    ...GROUPS.map((g) => ({ value: g.prefix, label: g[lang] })),
    ...(types.data?.items ?? []).map((x) => ({ value: x.type, label: `${pick(x.label, lang)}（${x.type}）` })),
  ];
  const range =
    values.from || values.to
      ? ([values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null] as [
          dayjs.Dayjs | null,
          dayjs.Dayjs | null,
        ])
      : null;
  return (
    <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
      <Select
        allowClear={clearable}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.allActors')}
        aria-label={t('audit.actor')}
        style={{ width: 200 }}
        value={values.actorId || undefined}
        loading={!users}
        onChange={(v?: string) => onChange({ actorId: v })}
        options={(users ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
      />
      <Select
        allowClear={clearable}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.allTypes')}
        aria-label={t('audit.type')}
        style={{ width: 230 }}
        value={values.type || undefined}
        options={typeOptions}
        onChange={(v?: string) => onChange({ type: v })}
      />
      <DatePicker.RangePicker
        value={range}
        aria-label={t('audit.range')}
        allowEmpty={[true, true]}
        onChange={(r) =>
          onChange({
            from: r?.[0] ? `${r[0].format('YYYY-MM-DD')}T00:00:00+08:00` : undefined,
            to: r?.[1] ? `${r[1].format('YYYY-MM-DD')}T23:59:59+08:00` : undefined,
          })
        }
      />
      <Input.Search
        key={values.q}
        defaultValue={values.q}
        allowClear={clearable}
        placeholder={t('audit.searchPlaceholder')}
        aria-label={t('audit.searchPlaceholder')}
        onSearch={(q) => onChange({ q: q.trim() })}
        style={{ width: 220 }}
      />
      {(values.actorId || values.type || values.from || values.to || values.q) && (
        <Button
          onClick={() =>
            onChange({ actorId: undefined, type: undefined, from: undefined, to: undefined, q: undefined })
          }
        >
          {t('common.clearFilters')}
        </Button>
      )}
    </Space>
  );
}
