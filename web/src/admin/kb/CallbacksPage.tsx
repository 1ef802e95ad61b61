import { Select, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { formatDateTime } from '../../shared/format.js';
import { useApiData } from '../../shared/useApiData.js';
import { PageHeader } from '../PageHeader.js';
import { useUrlFilters } from '../useUrlFilters.js';
import { CALLBACK_STATUS_LABELS, type CallbackMessage } from './types.js';

/** 留言回电: messages citizens left with the bot outside live-help hours, each due a call back. */
export default function CallbacksPage() {
  const t = useT();
  const { lang } = useLang();
  const [f, setF] = useUrlFilters(['status'] as const);
  const list = useApiData(() => api.get<{ items: CallbackMessage[] }>('/api/callbacks', { status: f.status }), [f.status], { refreshMs: 60_000 });
  return (
    <>
      <PageHeader title={t('callbacks.title')} description={t('callbacks.description')} />
      <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
        <Select allowClear placeholder={t('callbacks.allStatuses')} aria-label={t('common.status')} style={{ width: 150 }} value={f.status || undefined}
          options={(Object.keys(CALLBACK_STATUS_LABELS) as CallbackMessage['status'][]).map((s) => ({ value: s, label: CALLBACK_STATUS_LABELS[s][lang] }))} onChange={(v?: string) => setF({ status: v })} />
      </Space>
      <Table<CallbackMessage> rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} scroll={{ x: 900 }}
        locale={list.error ? { emptyText: list.error.message } : { emptyText: t('callbacks.empty') }}
        pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { title: t('callbacks.number'), dataIndex: 'number', width: 140 },
          { title: t('callbacks.name'), dataIndex: 'name', width: 100 },
          { title: t('callbacks.phone'), dataIndex: 'phone', width: 130 },
          { title: t('callbacks.question'), dataIndex: 'question' },
          { title: t('callbacks.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v, lang) },
          { title: t('callbacks.dueAt'), dataIndex: 'dueAt', width: 190, render: (v: string, c) => <>{formatDateTime(v, lang)}{c.overdue && <Tag color="error" style={{ marginLeft: 4 }}>{t('callbacks.overdue')}</Tag>}</> },
          { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: CallbackMessage['status']) => <Tag color={CALLBACK_STATUS_LABELS[s].color}>{CALLBACK_STATUS_LABELS[s][lang]}</Tag> },
        ]} />
      <Typography.Paragraph type="secondary">{t('callbacks.note')}</Typography.Paragraph>
    </>
  );
}
