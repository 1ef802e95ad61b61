import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Grid, Select, Space, Table, Tag } from 'antd';
import { api, errorText } from '../api/client.js';
import { useApiQuery } from '../api/query.js';
import { useLang, useT } from '../i18n/index.js';
import { PageHeader } from '../admin/PageHeader.js';
import { useUrlFilters } from '../admin/useUrlFilters.js';
import { formatDateTime } from '../shared/format.js';
import { useSession } from '../shared/session.js';
import { useDepartments } from '../shared/useDepartments.js';
import { useClearable } from '../shared/clearable.js';
import type { TWorkOrderItem, TWorkOrderPage } from '../../../src/contracts/work-orders.js';
import {
  WORK_ORDER_SOURCE_LABELS,
  WORK_ORDER_STATUS_LABELS,
  WORK_ORDER_TYPE_LABELS,
} from '../../../src/contracts/enums/work-orders.js';
import { ORDER_STATUS_COLORS } from './labels.js';
import { OrderDrawer } from './OrderDrawer.js';
import { ReceiveOrderModal } from './ReceiveOrderModal.js';
import { ImportOrdersModal } from './ImportOrdersModal.js';

const options = <K extends string>(labels: Record<K, { zh: string; en: string }>, lang: 'zh' | 'en') =>
  (Object.keys(labels) as K[]).map((k) => ({ value: k, label: labels[k][lang] }));

/**
 * 工单: the hotline office sees every order (filters by department, dispatch, callback, close out);
 * a department sees its own (accept, reply, extension, return). Keyset pages: "load more".
 */
export default function WorkOrdersPage() {
  const t = useT();
  const { lang } = useLang();
  const { can } = useSession();
  const { message } = App.useApp();
  const wide = Grid.useBreakpoint().md;
  const clearable = useClearable();
  const depts = useDepartments();
  const all = can('workOrders.seeAll');
  const [f, setF] = useUrlFilters([
    'status',
    'source',
    'type',
    'departmentId',
    'overdue',
    'sort',
    'role',
    'open',
  ] as const);
  const query = {
    status: f.status,
    source: f.source,
    type: f.type,
    departmentId: all ? f.departmentId : undefined,
    overdue: f.overdue,
    sort: f.sort || (all ? 'received' : 'due'),
    role: all ? undefined : f.role,
    limit: 20,
  };
  const first = useApiQuery<TWorkOrderPage>('/api/work-orders', query, { refreshMs: 60_000 });
  const [more, setMore] = useState<{ items: TWorkOrderItem[]; cursor: string | null } | null>(null);
  const key = JSON.stringify(query);
  useEffect(() => setMore(null), [key, first.data]);
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (first.data?.nextCursor ?? null);
  // ?open=<id> (a notice's or "my work" link) opens that order
  const [openId, setOpenIdState] = useState<string | null>(f.open || null);
  const setOpenId = (id: string | null) => {
    setOpenIdState(id);
    setF({ open: id ?? undefined });
  };
  const [receiving, setReceiving] = useState(false);
  const [importing, setImporting] = useState(false);

  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await api.get<TWorkOrderPage>('/api/work-orders', { ...query, cursor });
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        description={t(all ? 'orders.descriptionAll' : 'orders.descriptionDept')}
        extra={
          can('workOrders.dispatch') && (
            <Space wrap>
              <Button onClick={() => setImporting(true)} data-testid="orders-import">
                {t('orders.import.open')}
              </Button>
              <Button type="primary" onClick={() => setReceiving(true)}>
                {t('orders.new')}
              </Button>
            </Space>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
        <Select
          allowClear={clearable}
          placeholder={t('orders.allStatuses')}
          aria-label={t('common.status')}
          style={{ width: 140 }}
          value={f.status || undefined}
          options={options(WORK_ORDER_STATUS_LABELS, lang)}
          onChange={(v?: string) => setF({ status: v })}
        />
        <Select
          allowClear={clearable}
          placeholder={t('orders.allSources')}
          aria-label={t('orders.source')}
          style={{ width: 170 }}
          value={f.source || undefined}
          options={options(WORK_ORDER_SOURCE_LABELS, lang)}
          onChange={(v?: string) => setF({ source: v })}
        />
        <Select
          allowClear={clearable}
          placeholder={t('orders.allTypes')}
          aria-label={t('orders.type')}
          style={{ width: 150 }}
          value={f.type || undefined}
          options={options(WORK_ORDER_TYPE_LABELS, lang)}
          onChange={(v?: string) => setF({ type: v })}
        />
        {all && (
          <Select
            allowClear={clearable}
            placeholder={t('orders.allDepartments')}
            aria-label={t('orders.department')}
            style={{ width: 170 }}
            value={f.departmentId || undefined}
            options={depts.options}
            onChange={(v?: string) => setF({ departmentId: v })}
          />
        )}
        <Select
          aria-label={t('orders.sortDue')}
          style={{ width: 160 }}
          value={query.sort}
          options={[
            { value: 'due', label: t('orders.sortDue') },
            { value: 'received', label: t('orders.sortReceived') },
          ]}
          onChange={(v: string) => setF({ sort: v })}
        />
        <Checkbox checked={f.overdue === '1'} onChange={(e) => setF({ overdue: e.target.checked ? '1' : undefined })}>
          {t('orders.onlyOverdue')}
        </Checkbox>
        {!all && (
          <Checkbox checked={f.role === 'co'} onChange={(e) => setF({ role: e.target.checked ? 'co' : undefined })}>
            {t('orders.coHandled')}
          </Checkbox>
        )}
      </Space>
      <Table<TWorkOrderItem>
        rowKey="id"
        loading={first.loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={first.error ? { emptyText: first.error.message } : { emptyText: t('orders.empty') }}
        onRow={(o) => ({ onDoubleClick: () => setOpenId(o.id) })}
        columns={[
          { title: t('orders.number'), dataIndex: 'number', width: 150 },
          {
            title: t('orders.titleCol'),
            dataIndex: 'title',
            width: 220,
            render: (v: string, o) => (
              <>
                {v}
                <div style={{ fontSize: 12, color: '#666' }}>
                  {WORK_ORDER_SOURCE_LABELS[o.source][lang]} · {WORK_ORDER_TYPE_LABELS[o.type][lang]}
                </div>
              </>
            ),
          },
          {
            title: t('orders.citizen'),
            dataIndex: 'citizenName',
            width: 130,
            render: (v: string | null, o) => (
              <>
                {v ?? '—'}
                <div style={{ fontSize: 12 }}>{o.citizenPhone}</div>
              </>
            ),
          },
          ...(all
            ? [
                {
                  title: t('orders.department'),
                  dataIndex: 'departmentId',
                  width: 130,
                  render: (d: string | null) => (d ? depts.nameOf(d) : t('orders.notDispatched')),
                },
              ]
            : []),
          {
            title: t('orders.receivedAt'),
            dataIndex: 'receivedAt',
            width: 150,
            render: (v: string) => formatDateTime(v, lang),
          },
          {
            title: t('orders.dueAt'),
            dataIndex: 'dueAt',
            width: 170,
            render: (v: string, o) => (
              <>
                {formatDateTime(v, lang)}
                {o.overdue && (
                  <Tag color="error" style={{ marginLeft: 4 }}>
                    {t('orders.overdue')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: TWorkOrderItem['status']) => (
              <Tag color={ORDER_STATUS_COLORS[s]}>{WORK_ORDER_STATUS_LABELS[s][lang]}</Tag>
            ),
          },
          {
            title: t('common.actions'),
            key: 'a',
            width: 90,
            fixed: wide ? ('right' as const) : undefined,
            render: (_: unknown, o) => (
              <Button
                type="link"
                size="small"
                onClick={() => setOpenId(o.id)}
                aria-label={`${t('orders.open')} ${o.number}`}
              >
                {t('orders.open')}
              </Button>
            ),
          },
        ]}
      />
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        {cursor ? (
          <Button onClick={() => void loadMore()}>{t('orders.loadMore')}</Button>
        ) : (
          items.length > 0 && t('orders.noMore')
        )}
      </div>
      <OrderDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onChanged={() => {
          setMore(null);
          first.reload();
        }}
      />
      <ReceiveOrderModal open={receiving} onClose={() => setReceiving(false)} onDone={() => first.reload()} />
      <ImportOrdersModal open={importing} onClose={() => setImporting(false)} onDone={() => first.reload()} />
    </>
  );
}
