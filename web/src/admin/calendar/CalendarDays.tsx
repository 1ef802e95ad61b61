import { useState } from 'react';
import { App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorText } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { beijingToday, formatPlainDate, weekdayName } from '../../shared/format.js';
import { useApiQuery } from '../../api/query.js';
import { useUrlFilters } from '../useUrlFilters.js';
import { DayKindTag, SourceTag } from './DayTags.js';
import { DayModal } from './DayModal.js';
import { ImportYearModal } from './ImportYearModal.js';
import type { TCalendarDay, TCalendarYears } from '../../../../src/contracts/calendar.js';

/** One year's holidays and make-up workdays (everything else follows the normal Monday–Friday week). */
export function CalendarDays({ years, onChanged }: { years: TCalendarYears | undefined; onChanged(): void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const thisYear = Number(beijingToday().date.slice(0, 4));
  const [f, setF] = useUrlFilters(['year'] as const);
  const year = Number(f.year) || thisYear;
  const days = useApiQuery<{ days: TCalendarDay[] }>('/api/calendar/days', { year });
  const [editing, setEditing] = useState<TCalendarDay | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const changed = () => {
    days.reload();
    onChanged();
  };

  const yearOptions = [
    ...new Set([
      ...(years?.covered ?? []),
      ...(years?.preloaded ?? []),
      thisYear - 1,
      thisYear,
      thisYear + 1,
      thisYear + 2,
    ]),
  ]
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: lang === 'zh' ? `${y} 年` : String(y) }));
  const list = days.data?.days ?? [];
  const covered = years?.covered.includes(year);

  const remove = async (d: TCalendarDay) => {
    try {
      const r = await api.del<{ recomputed: number }>(`/api/calendar/days/${d.date}`);
      message.success(
        `${t('calendar.removed', { date: formatPlainDate(d.date, lang) })}${t('calendar.recomputed', { n: r.recomputed })}`,
      );
      changed();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select
            value={year}
            options={yearOptions}
            onChange={(y: number) => setF({ year: String(y) })}
            style={{ width: 120 }}
            aria-label={t('calendar.year')}
          />
          {years &&
            (covered ? (
              <Tag color="success">{t('calendar.covered')}</Tag>
            ) : (
              <Tag color="warning">{t('calendar.notCovered')}</Tag>
            ))}
          <Typography.Text type="secondary">
            {t('calendar.summary', {
              holidays: list.filter((d) => d.kind === 'holiday').length,
              workdays: list.filter((d) => d.kind === 'workday').length,
            })}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('calendar.addDay')}
          </Button>
          <Button icon={<ImportOutlined aria-hidden />} onClick={() => setImporting(true)}>
            {t('calendar.importYear')}
          </Button>
        </Space>
      </Space>
      <Table<TCalendarDay>
        rowKey="date"
        size="small"
        loading={days.loading}
        dataSource={list}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: days.error ? days.error.message : t('calendar.empty', { year }) }}
        columns={[
          {
            title: t('calendar.date'),
            dataIndex: 'date',
            width: 220,
            render: (d: string, r) => `${formatPlainDate(d, lang)} ${weekdayName(r.weekday, lang)}`,
          },
          {
            title: t('calendar.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (k: TCalendarDay['kind']) => <DayKindTag kind={k} />,
          },
          { title: t('calendar.name'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
          {
            title: t('calendar.source'),
            dataIndex: 'source',
            width: 120,
            render: (s: TCalendarDay['source']) => <SourceTag source={s} />,
          },
          {
            title: t('common.actions'),
            key: 'a',
            width: 190,
            render: (_, d) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(d)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('calendar.confirmRemove', { date: formatPlainDate(d.date, lang) })}
                  description={t('calendar.removeHint')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove(d)}
                >
                  <Button type="link" size="small" danger>
                    {t('calendar.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <DayModal
        day={editing}
        year={year}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
      <ImportYearModal
        open={importing}
        year={year}
        onClose={() => setImporting(false)}
        onImported={(y) => {
          setImporting(false);
          setF({ year: String(y) });
          changed();
        }}
      />
    </>
  );
}
