import { useState } from 'react';
import { Button, Grid, Select, Space, Table, Tag } from 'antd';
import { useApiQuery } from '../../api/query.js';
import { pick, useLang, useT } from '../../i18n/index.js';
import { PageHeader } from '../../admin/PageHeader.js';
import { useUrlFilters } from '../../admin/useUrlFilters.js';
import { useSession } from '../../shared/session.js';
import { formatDateTime } from '../../shared/format.js';
import type { TPhoneFormItem } from '../../../../src/contracts/phone.js';
import { FormDrawer } from './FormDrawer.js';
import { FORM_STATUS_COLORS, printForm } from './phone-ui.js';
import './phone.css';

type View = 'window' | 'waiting' | 'overdue' | 'all';

/**
 * 转办单: a business agent sees the department's phone transfer forms with their due time and
 * replies; the window sees the replied and returned ones to close or send on; oversight reads all;
 * the overdue list holds the forms still waiting for their department past the due time.
 */
export default function PhoneFormsPage() {
  const t = useT();
  const { lang } = useLang();
  const { can } = useSession();
  const wide = Grid.useBreakpoint().md;
  const [f, setF] = useUrlFilters(['view', 'open'] as const);
  const view = (f.view || (can('phone.log') ? 'window' : can('phone.departmentWork') ? 'waiting' : 'all')) as View;
  const query = {
    window: { todo: 'window' },
    waiting: { status: 'transferred' },
    overdue: { overdue: '1' },
    all: undefined,
  }[view];
  const list = useApiQuery<{ items: TPhoneFormItem[] }>('/api/phone/forms', query, { refreshMs: 60_000 });
  const [openId, setOpenId] = useState<string | null>(f.open || null);
  const show = (id: string | null) => {
    setOpenId(id);
    setF({ open: id ?? undefined });
  };
  return (
    <>
      <PageHeader title={t('phone.formsTitle')} description={t('phone.formsDescription')} />
      <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
        <Select<View>
          aria-label={t('phone.view')}
          style={{ minWidth: 240 }}
          value={view}
          onChange={(v) => setF({ view: v })}
          options={[
            ...(can('phone.log') ? [{ value: 'window' as const, label: t('phone.viewWindow') }] : []),
            { value: 'waiting' as const, label: t('phone.viewWaiting') },
            { value: 'overdue' as const, label: t('phone.viewOverdue') },
            { value: 'all' as const, label: t('phone.viewAll') },
          ]}
        />
      </Space>
      <Table<TPhoneFormItem>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        data-testid="phone-forms"
        locale={{ emptyText: list.error ? list.error.message : t('phone.noForms') }}
        pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
        columns={[
          { title: t('phone.number'), dataIndex: 'number', width: 130 },
          {
            title: t('phone.type'),
            dataIndex: 'typeLabel',
            width: 70,
            render: (l: TPhoneFormItem['typeLabel']) => pick(l, lang),
          },
          { title: t('phone.callerName'), dataIndex: 'callerName', width: 90 },
          { title: t('phone.phone'), dataIndex: 'phone', width: 120 },
          {
            title: t('phone.department'),
            dataIndex: 'department',
            width: 130,
            render: (d: TPhoneFormItem['department']) => pick(d.name, lang),
          },
          { title: t('phone.content'), dataIndex: 'content', ellipsis: true },
          {
            title: t('phone.dueAt'),
            dataIndex: 'dueAt',
            width: 190,
            render: (v: string, r) => (
              <>
                {formatDateTime(v, lang)}
                {r.overdue && (
                  <Tag color="error" style={{ marginLeft: 4 }}>
                    {t('phone.overdue')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('phone.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: TPhoneFormItem['status'], r) => (
              <Tag color={FORM_STATUS_COLORS[s]}>{pick(r.statusLabel, lang)}</Tag>
            ),
          },
          {
            title: t('common.actions'),
            key: 'a',
            width: 150,
            fixed: wide ? ('right' as const) : undefined,
            render: (_: unknown, r) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => show(r.id)} data-testid={`phone-open-${r.number}`}>
                  {t('phone.open')}
                </Button>
                <Button type="link" size="small" onClick={() => printForm(r.id)}>
                  {t('phone.print')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormDrawer id={openId} onClose={() => show(null)} onChanged={list.reload} />
    </>
  );
}
