import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useLang, useT } from '../../i18n/index.js';
import { formatDateTime } from '../../shared/format.js';
import { useApiQuery } from '../../api/query.js';
import { useDepartments } from '../../shared/useDepartments.js';
import { useSession } from '../../shared/session.js';
import { PageHeader } from '../PageHeader.js';
import { useUrlFilters } from '../useUrlFilters.js';
import { KB_STATUS_LABELS, KB_STATUSES } from '../../../../src/contracts/enums/knowledge.js';
import { CATEGORY_LABELS, MATTER_CATEGORIES } from '../../../../src/contracts/enums/matters.js';
import type { TKbEntry } from '../../../../src/contracts/knowledge.js';
import type { TMatter } from '../../../../src/contracts/org.js';
import { KB_STATUS_COLORS } from '../../shared/statusColors.js';
import { useClearable } from '../../shared/clearable.js';

const KEYS = ['q', 'status', 'departmentId', 'matterId', 'category', 'tag', 'page', 'pageSize'] as const;

export const percent = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${Math.round(r * 100)}%`;

/** 知识库条目列表: filters kept in the address bar, 20 a page, each row opens the editor. */
export function EntryList() {
  const t = useT();
  const clearable = useClearable();
  const { lang } = useLang();
  const { can } = useSession();
  const navigate = useNavigate();
  const depts = useDepartments();
  const [f, setF] = useUrlFilters(KEYS);
  const matters = useApiQuery<{ items: TMatter[] }>('/api/matters');
  const page = Number(f.page) || 1;
  const pageSize = Number(f.pageSize) || 20;
  const list = useApiQuery<{ total: number; items: TKbEntry[] }>('/api/kb/entries', {
    q: f.q,
    status: f.status,
    departmentId: f.departmentId,
    matterId: f.matterId,
    category: f.category,
    tag: f.tag,
    page,
    pageSize,
  });
  const any = f.q || f.status || f.departmentId || f.matterId || f.category || f.tag;

  return (
    <>
      <PageHeader
        title={t('kb.title')}
        description={t('kb.description')}
        extra={
          can('knowledge.edit') && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => navigate('new')}
              data-testid="kb-new"
            >
              {t('kb.new')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
        <Input.Search
          key={f.q}
          defaultValue={f.q}
          allowClear={clearable}
          placeholder={t('kb.searchPlaceholder')}
          aria-label={t('kb.searchPlaceholder')}
          onSearch={(q) => setF({ q: q.trim() })}
          style={{ width: 240 }}
          data-testid="kb-search"
        />
        <Select
          allowClear={clearable}
          placeholder={t('kb.allStatuses')}
          aria-label={t('common.status')}
          style={{ width: 130 }}
          value={f.status || undefined}
          options={KB_STATUSES.map((s) => ({ value: s, label: KB_STATUS_LABELS[s][lang] }))}
          onChange={(v?: string) => setF({ status: v })}
        />
        <Select
          allowClear={clearable}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('kb.allDepartments')}
          aria-label={t('kb.department')}
          style={{ width: 160 }}
          value={f.departmentId || undefined}
          options={depts.options}
          onChange={(v?: string) => setF({ departmentId: v })}
        />
        <Select
          allowClear={clearable}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('kb.allMatters')}
          aria-label={t('kb.matter')}
          style={{ width: 220 }}
          value={f.matterId || undefined}
          options={(matters.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
          onChange={(v?: string) => setF({ matterId: v })}
        />
        <Select
          allowClear={clearable}
          placeholder={t('kb.allCategories')}
          aria-label={t('kb.category')}
          style={{ width: 120 }}
          value={f.category || undefined}
          options={MATTER_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c][lang] }))}
          onChange={(v?: string) => setF({ category: v })}
        />
        <Input.Search
          key={`tag-${f.tag}`}
          defaultValue={f.tag}
          allowClear={clearable}
          placeholder={t('kb.tag')}
          aria-label={t('kb.tag')}
          onSearch={(v) => setF({ tag: v.trim() })}
          style={{ width: 140 }}
        />
        {any && (
          <Button
            onClick={() =>
              setF({
                q: undefined,
                status: undefined,
                departmentId: undefined,
                matterId: undefined,
                category: undefined,
                tag: undefined,
              })
            }
          >
            {t('common.clearFilters')}
          </Button>
        )}
      </Space>
      <Table<TKbEntry>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        size="middle"
        locale={list.error ? { emptyText: list.error.message } : undefined}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => setF({ page: String(p), pageSize: s === 20 ? undefined : String(s) }),
        }}
        columns={[
          { title: t('kb.code'), dataIndex: 'code', width: 90 },
          {
            title: t('kb.question'),
            dataIndex: 'question',
            render: (q: string, e) => <Link to={e.id}>{q}</Link>,
          },
          { title: t('kb.matter'), dataIndex: 'matterName', width: 180, render: (v: string | null) => v ?? '—' },
          { title: t('kb.department'), dataIndex: 'departmentName', width: 120 },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: TKbEntry['status'], e) => (
              <Space size={2} wrap>
                <Tag color={KB_STATUS_COLORS[s]}>{KB_STATUS_LABELS[s][lang]}</Tag>
                {e.liveVersion && s !== 'published' && s !== 'archived' ? (
                  <Tag>{t('kb.liveV', { n: e.liveVersion })}</Tag>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('kb.solveRate'),
            key: 'rate',
            width: 110,
            render: (_, e) =>
              e.stats.solved + e.stats.unsolved
                ? `${percent(e.stats.solveRate)}（${e.stats.solved}/${e.stats.solved + e.stats.unsolved}）`
                : '—',
          },
          {
            title: t('kb.updatedAt'),
            dataIndex: 'updatedAt',
            width: 160,
            render: (v: string) => formatDateTime(v, lang),
          },
        ]}
      />
    </>
  );
}
