import { useMemo, useState } from 'react';
import { Alert, Card, Input, Table, Tag } from 'antd';
import { useLang, useT } from '../i18n/index.js';
import { useApiQuery } from '../api/query.js';
import { useDepartments } from '../shared/useDepartments.js';
import { CATEGORY_LABELS, MATTER_KIND_LABELS } from '../../../src/contracts/enums/matters.js';
import type { TMatter, TSessionUser } from '../../../src/contracts/org.js';
import { useClearable } from '../shared/clearable.js';

/** Which matters an agent answers about: their own department's (business agents) or every live-help matter (window agents). */
function scopeOf(user: TSessionUser): {
  query: Record<string, string>;
  title: 'workspace.mattersOfDept' | 'workspace.mattersLive' | 'workspace.mattersAll';
} {
  if (user.roles.includes('business_agent') && user.departmentId)
    return { query: { departmentId: user.departmentId }, title: 'workspace.mattersOfDept' };
  if (user.roles.includes('window_agent')) return { query: { liveHelp: 'true' }, title: 'workspace.mattersLive' };
  return { query: {}, title: 'workspace.mattersAll' };
}

export function ReferenceMatters({ user }: { user: TSessionUser }) {
  const t = useT();
  const clearable = useClearable();
  const { lang } = useLang();
  const [q, setQ] = useState('');
  const depts = useDepartments();
  const scope = scopeOf(user);
  const matters = useApiQuery<{ items: TMatter[] }>('/api/matters', scope.query);
  const rows = useMemo(
    () =>
      (matters.data?.items ?? []).filter(
        (m) => !q || m.name.includes(q) || m.code.toLowerCase().includes(q.toLowerCase()),
      ),
    [matters.data, q],
  );

  return (
    <Card
      title={t(scope.title)}
      data-testid="reference-matters"
      extra={
        <Input.Search
          allowClear={clearable}
          placeholder={t('workspace.searchMatters')}
          aria-label={t('workspace.searchMatters')}
          onChange={(e) => setQ(e.target.value.trim())}
          style={{ width: 220 }}
        />
      }
    >
      {matters.error && <Alert type="error" showIcon title={matters.error.message} style={{ marginBottom: 12 }} />}
      <Table<TMatter>
        rowKey="id"
        size="small"
        loading={matters.loading}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        columns={[
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
            title: t('matter.guide'),
            dataIndex: 'guideUrl',
            width: 100,
            render: (u: string | null) =>
              u ? (
                <a href={u} target="_blank" rel="noopener noreferrer">
                  {t('matter.openGuide')}
                </a>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
