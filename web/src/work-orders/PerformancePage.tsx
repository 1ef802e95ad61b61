import { useState } from 'react';
import { DatePicker, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useApiQuery } from '../api/query.js';
import { useT } from '../i18n/index.js';
import { PageHeader } from '../admin/PageHeader.js';
import { useDepartments } from '../shared/useDepartments.js';
import type { TWorkOrderPerformance } from '../../../src/contracts/work-orders.js';

type Row = TWorkOrderPerformance['items'][number];

/** 部门工单绩效: per handling department and month received (counted toward the hotline review). */
export default function PerformancePage() {
  const t = useT();
  const depts = useDepartments();
  const [range, setRange] = useState<[string, string]>([
    dayjs().subtract(2, 'month').format('YYYY-MM'),
    dayjs().format('YYYY-MM'),
  ]);
  const list = useApiQuery<TWorkOrderPerformance>('/api/work-orders/performance', { from: range[0], to: range[1] });
  const num = (k: keyof Row, title: string) => ({ title, dataIndex: k, width: 80, align: 'right' as const });
  return (
    <>
      <PageHeader title={t('perf.title')} description={t('perf.description')} />
      <Space style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          picker="month"
          value={[dayjs(range[0]), dayjs(range[1])]}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM'), v[1].format('YYYY-MM')])}
        />
      </Space>
      <Table<Row>
        rowKey={(r) => `${r.departmentId}-${r.month}`}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('perf.month'), dataIndex: 'month', width: 90 },
          {
            title: t('orders.department'),
            dataIndex: 'departmentId',
            width: 140,
            render: (d: string | null) => (d ? depts.nameOf(d) : t('orders.notDispatched')),
          },
          num('received', t('perf.received')),
          num('replied', t('perf.replied')),
          num('onTime', t('perf.onTime')),
          num('overdue', t('perf.overdue')),
          num('returned', t('perf.returned')),
          num('extended', t('perf.extended')),
          num('calledBack', t('perf.calledBack')),
          {
            title: t('perf.satisfaction'),
            dataIndex: 'satisfactionRate',
            width: 90,
            align: 'right' as const,
            render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`),
          },
        ]}
      />
    </>
  );
}
