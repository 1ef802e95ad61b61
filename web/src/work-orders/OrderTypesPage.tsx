import { App, InputNumber, Table } from 'antd';
import { api, errorText } from '../api/client.js';
import { useApiQuery } from '../api/query.js';
import { useLang, useT } from '../i18n/index.js';
import { PageHeader } from '../admin/PageHeader.js';
import type { TWorkOrderTypes } from '../../../src/contracts/work-orders.js';

type Row = TWorkOrderTypes['items'][number];

/** 工单时限: the administrator sets each order type's limit in working days (the settings table). */
export default function OrderTypesPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const list = useApiQuery<TWorkOrderTypes>('/api/work-orders/types');
  const save = async (r: Row, change: Partial<Pick<Row, 'workingDays' | 'contactDays'>>) => {
    try {
      await api.put(`/api/work-orders/types/${r.code}`, {
        workingDays: change.workingDays ?? r.workingDays,
        contactDays: 'contactDays' in change ? change.contactDays : r.contactDays,
      });
      message.success(t('common.saved'));
      list.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };
  return (
    <>
      <PageHeader title={t('types.title')} description={t('types.description')} />
      <Table<Row>
        rowKey="code"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 480 }}
        columns={[
          { title: t('orders.type'), dataIndex: 'name', render: (n: Row['name']) => n[lang] },
          {
            title: t('types.workingDays'),
            dataIndex: 'workingDays',
            render: (v: number, r) => (
              <InputNumber
                aria-label={`${r.name[lang]} ${t('types.workingDays')}`}
                min={0}
                max={60}
                defaultValue={v}
                key={`${r.code}-${v}`}
                onBlur={(e) => {
                  const n = Number(e.target.value);
                  if (Number.isInteger(n) && n !== v) void save(r, { workingDays: n });
                }}
              />
            ),
          },
          {
            title: t('types.contactDays'),
            dataIndex: 'contactDays',
            render: (v: number | null, r) => (
              <InputNumber
                aria-label={`${r.name[lang]} ${t('types.contactDays')}`}
                min={0}
                max={60}
                defaultValue={v ?? undefined}
                key={`${r.code}-c-${v}`}
                onBlur={(e) => {
                  const raw = e.target.value.trim();
                  const n = raw === '' ? null : Number(raw);
                  if (n !== v && (n === null || Number.isInteger(n))) void save(r, { contactDays: n });
                }}
              />
            ),
          },
        ]}
      />
    </>
  );
}
