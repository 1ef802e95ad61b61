import { useState } from 'react';
import { App, Button, Grid, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorText } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { formatDateTime } from '../../shared/format.js';
import { RoleTags } from '../../shared/RoleTags.js';
import { useSession } from '../../shared/session.js';
import { useApiQuery } from '../../api/query.js';
import { PageHeader } from '../PageHeader.js';
import { useDepartments } from '../../shared/useDepartments.js';
import { useUrlFilters } from '../useUrlFilters.js';
import { ResetPasswordModal } from './ResetPasswordModal.js';
import { UserFilters, USER_FILTER_KEYS } from './UserFilters.js';
import { UserModal } from './UserModal.js';
import type { TPage } from '../../../../src/contracts/common.js';
import type { TUser } from '../../../../src/contracts/org.js';

/** 用户管理: staff accounts, their department and roles; disable rather than delete. */
export default function UsersPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const { me } = useSession();
  const depts = useDepartments(true);
  const wide = Grid.useBreakpoint().md;
  const [f, setF] = useUrlFilters(USER_FILTER_KEYS);
  const page = Number(f.page) || 1;
  const pageSize = Number(f.pageSize) || 20;
  const users = useApiQuery<TPage<TUser>>('/api/users', {
    q: f.q,
    departmentId: f.departmentId,
    role: f.role,
    status: f.status,
    page,
    pageSize,
  });
  const [editing, setEditing] = useState<TUser | 'new' | null>(null);
  const [resetting, setResetting] = useState<TUser | null>(null);

  const setStatus = async (u: TUser, enable: boolean) => {
    try {
      await api.post(`/api/users/${u.id}/${enable ? 'enable' : 'disable'}`);
      message.success(t(enable ? 'user.enabled' : 'user.disabled', { name: u.displayName }));
      users.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <PageHeader
        title={t('user.title')}
        description={t('user.description')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing('new')}
            data-testid="create-user"
          >
            {t('user.create')}
          </Button>
        }
      />
      <UserFilters values={f} onChange={setF} departments={depts.options} />
      <Table<TUser>
        rowKey="id"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        scroll={{ x: 1060 }}
        data-testid="users-table"
        locale={users.error ? { emptyText: users.error.message } : undefined}
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => setF({ page: String(p), pageSize: String(s) }),
        }}
        columns={[
          { title: t('user.username'), dataIndex: 'username', width: 120 },
          { title: t('user.displayName'), dataIndex: 'displayName', width: 130 },
          { title: t('user.workNumber'), dataIndex: 'workNumber', width: 100 },
          {
            title: t('user.department'),
            dataIndex: 'departmentId',
            width: 130,
            render: (id: string | null, u) => depts.nameOf(id) || u.departmentName || '—',
          },
          { title: t('user.roles'), dataIndex: 'roles', render: (r: TUser['roles']) => <RoleTags roles={r} /> },
          {
            title: t('user.phone'),
            dataIndex: 'phone',
            width: 130,
            responsive: ['xxl'],
            render: (p: string | null) => p ?? '—',
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: TUser['status'], u) => (
              <>
                {s === 'active' ? (
                  <Tag color="success">{t('user.statusActive')}</Tag>
                ) : (
                  <Tag color="error">{t('user.statusDisabled')}</Tag>
                )}
                {u.locked && <Tag color="warning">{t('user.locked')}</Tag>}
              </>
            ),
          },
          {
            title: t('user.lastLogin'),
            dataIndex: 'lastLoginAt',
            width: 180,
            responsive: ['xl'],
            render: (v: string | null) => (v ? formatDateTime(v, lang) : t('user.never')),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 210,
            fixed: wide ? 'right' : undefined,
            render: (_, u) => (
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing(u)}
                  aria-label={`${t('common.edit')} ${u.username}`}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setResetting(u)}
                  aria-label={`${t('user.resetPassword')} ${u.username}`}
                >
                  {t('user.resetPassword')}
                </Button>
                {u.id !== me?.user?.id && (
                  <Popconfirm
                    title={t(u.status === 'active' ? 'user.confirmDisable' : 'user.confirmEnable', {
                      name: u.displayName,
                    })}
                    description={u.status === 'active' ? t('user.disableHint') : undefined}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => setStatus(u, u.status !== 'active')}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger={u.status === 'active'}
                      aria-label={`${t(u.status === 'active' ? 'common.disable' : 'common.enable')} ${u.username}`}
                    >
                      {t(u.status === 'active' ? 'common.disable' : 'common.enable')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UserModal
        user={editing}
        departments={depts.options}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          users.reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
