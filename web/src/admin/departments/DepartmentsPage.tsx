import { useState } from 'react';
import { App, Button, Grid, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorText } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { PageHeader } from '../PageHeader.js';
import { useDepartments } from '../../shared/useDepartments.js';
import { DepartmentModal } from './DepartmentModal.js';
import { DEPARTMENT_KIND_LABELS } from '../../../../src/contracts/enums/org.js';
import type { TDepartment } from '../../../../src/contracts/org.js';

/** 部门管理: the bureau's departments; deactivate instead of delete, so history keeps its names. */
export default function DepartmentsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const depts = useDepartments(true);
  const wide = Grid.useBreakpoint().md;
  const [editing, setEditing] = useState<TDepartment | 'new' | null>(null);

  const setActive = async (d: TDepartment, active: boolean) => {
    try {
      await api.patch(`/api/departments/${d.id}`, { active });
      message.success(active ? t('dept.activated', { name: d.nameZh }) : t('dept.deactivated', { name: d.nameZh }));
      depts.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <PageHeader
        title={t('dept.title')}
        description={t('dept.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('dept.create')}
          </Button>
        }
      />
      <Table<TDepartment>
        rowKey="id"
        loading={depts.loading}
        dataSource={depts.items}
        pagination={false}
        scroll={{ x: 860 }}
        locale={depts.error ? { emptyText: depts.error.message } : undefined}
        columns={[
          { title: t('dept.nameZh'), dataIndex: 'nameZh' },
          { title: t('dept.nameEn'), dataIndex: 'nameEn' },
          { title: t('dept.code'), dataIndex: 'code', width: 160 },
          {
            title: t('dept.kind'),
            dataIndex: 'kind',
            width: 140,
            render: (k: TDepartment['kind']) => DEPARTMENT_KIND_LABELS[k]?.[lang] ?? k,
          },
          { title: t('dept.sortOrder'), dataIndex: 'sortOrder', width: 80 },
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
            width: 150,
            fixed: wide ? 'right' : undefined,
            render: (_, d) => (
              <Space size={0}>
                <Button type="link" onClick={() => setEditing(d)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={
                    d.active
                      ? t('dept.confirmDeactivate', { name: d.nameZh })
                      : t('dept.confirmActivate', { name: d.nameZh })
                  }
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => setActive(d, !d.active)}
                >
                  <Button type="link" danger={d.active}>
                    {d.active ? t('common.deactivate') : t('common.activate')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <DepartmentModal
        department={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          depts.reload();
        }}
      />
    </>
  );
}
