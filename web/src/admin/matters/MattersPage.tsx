import { useState } from 'react';
import { App, Button, Grid, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorText } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { useApiQuery } from '../../api/query.js';
import { PageHeader } from '../PageHeader.js';
import { useDepartments } from '../../shared/useDepartments.js';
import { useUrlFilters } from '../useUrlFilters.js';
import { MatterFilters, MATTER_FILTER_KEYS } from './MatterFilters.js';
import { MatterModal } from './MatterModal.js';
import { CATEGORY_LABELS, MATTER_KIND_LABELS } from '../../../../src/contracts/enums/matters.js';
import type { TMatter } from '../../../../src/contracts/org.js';

/** 事项目录: the matter catalogue (kept by the legal division), its owners and whether live help covers it. */
export default function MattersPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const depts = useDepartments(true);
  const wide = Grid.useBreakpoint().md;
  const [f, setF] = useUrlFilters(MATTER_FILTER_KEYS);
  const matters = useApiQuery<{ items: TMatter[] }>('/api/matters', {
    q: f.q,
    departmentId: f.departmentId,
    category: f.category,
    kind: f.kind,
    liveHelp: f.liveHelp,
    includeInactive: f.includeInactive,
  });
  const [editing, setEditing] = useState<TMatter | 'new' | null>(null);

  const setActive = async (m: TMatter, active: boolean) => {
    try {
      await api.patch(`/api/matters/${m.id}`, { active });
      message.success(t(active ? 'matter.activated' : 'matter.deactivated', { name: m.name }));
      matters.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <PageHeader
        title={t('matter.title')}
        description={t('matter.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('matter.create')}
          </Button>
        }
      />
      <MatterFilters values={f} onChange={setF} departments={depts.options} />
      <Table<TMatter>
        rowKey="id"
        loading={matters.loading}
        dataSource={matters.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={matters.error ? { emptyText: matters.error.message } : undefined}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { title: t('matter.code'), dataIndex: 'code', width: 120 },
          { title: t('matter.name'), dataIndex: 'name' },
          {
            title: t('matter.category'),
            dataIndex: 'category',
            width: 90,
            render: (c: TMatter['category']) => CATEGORY_LABELS[c]?.[lang] ?? c,
          },
          {
            title: t('matter.kind'),
            dataIndex: 'kind',
            width: 150,
            render: (k: TMatter['kind']) => MATTER_KIND_LABELS[k]?.[lang] ?? k,
          },
          {
            title: t('matter.owner'),
            dataIndex: 'ownerDepartmentId',
            width: 150,
            render: (id: string, m) => depts.nameOf(id) || m.ownerDepartmentName,
          },
          {
            title: t('matter.liveHelp'),
            dataIndex: 'liveHelp',
            width: 110,
            render: (v: boolean) => (v ? <Tag color="success">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
          },
          {
            title: t('common.status'),
            dataIndex: 'active',
            width: 90,
            render: (a: boolean) =>
              a ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            fixed: wide ? 'right' : undefined,
            render: (_, m) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(m)}>
                  {t('common.edit')}
                </Button>
                {m.guideUrl && (
                  <a href={m.guideUrl} target="_blank" rel="noopener noreferrer" style={{ paddingInline: 7 }}>
                    {t('matter.openGuide')}
                  </a>
                )}
                <Popconfirm
                  title={t(m.active ? 'matter.confirmDeactivate' : 'matter.confirmActivate', { name: m.name })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => setActive(m, !m.active)}
                >
                  <Button type="link" size="small" danger={m.active}>
                    {t(m.active ? 'common.deactivate' : 'common.activate')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <MatterModal
        matter={editing}
        departments={depts.options}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          matters.reload();
        }}
      />
    </>
  );
}
