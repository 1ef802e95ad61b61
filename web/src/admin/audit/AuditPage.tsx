import { Button, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { withQuery } from '../../api/client.js';
import { pick, useLang, useT } from '../../i18n/index.js';
import { formatDateTime } from '../../shared/format.js';
import { useApiQuery } from '../../api/query.js';
import { PageHeader } from '../PageHeader.js';
import { useUrlFilters } from '../useUrlFilters.js';
import { AuditFilters, AUDIT_FILTER_KEYS } from './AuditFilters.js';
import type { TAuditEvent } from '../../../../src/contracts/audit.js';
import type { TPage } from '../../../../src/contracts/common.js';
import { SUBJECT_TYPE_LABELS } from '../../../../src/contracts/enums/audit.js';
import type { TUser } from '../../../../src/contracts/org.js';
import { label } from '../../shared/format.js';

/** 审计日志: who did what, when and from where; filter, page through and export as CSV. */
export default function AuditPage() {
  const t = useT();
  const { lang } = useLang();
  const [f, setF] = useUrlFilters(AUDIT_FILTER_KEYS);
  const users = useApiQuery<TPage<TUser>>('/api/users', { pageSize: 200 });
  const userById = new Map((users.data?.items ?? []).map((u) => [u.id, u]));
  const page = Number(f.page) || 1;
  const pageSize = Number(f.pageSize) || 50;
  const filters = { actorId: f.actorId, type: f.type, from: f.from, to: f.to, q: f.q };
  const events = useApiQuery<TPage<TAuditEvent>>('/api/audit', { ...filters, page, pageSize });

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        extra={
          <Button
            icon={<DownloadOutlined aria-hidden />}
            href={withQuery('/api/audit/export.csv', filters)}
            download="audit.csv"
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
        }
      />
      <AuditFilters values={f} onChange={setF} users={users.data?.items} />
      <Table<TAuditEvent>
        rowKey="id"
        size="small"
        loading={events.loading}
        dataSource={events.data?.items ?? []}
        scroll={{ x: 960 }}
        locale={events.error ? { emptyText: events.error.message } : undefined}
        pagination={{
          current: page,
          pageSize,
          total: events.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => setF({ page: String(p), pageSize: String(s) }),
        }}
        expandable={{
          expandedRowRender: (e) => (
            <div>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('audit.requestId')}:{' '}
                <Typography.Text code copyable>
                  {e.requestId ?? '—'}
                </Typography.Text>
              </Typography.Paragraph>
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                {JSON.stringify(e.data, null, 2)}
              </pre>
            </div>
          ),
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 190, render: (v: string) => formatDateTime(v, lang) },
          {
            title: t('audit.type'),
            dataIndex: 'type',
            width: 190,
            render: (v: string, e) => (
              <>
                {e.typeLabel ? pick(e.typeLabel, lang) : v}
                {e.typeLabel && (
                  <>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {v}
                    </Typography.Text>
                  </>
                )}
              </>
            ),
          },
          { title: t('audit.actor'), dataIndex: 'actor', width: 200, render: (v: string | null) => v ?? '—' },
          {
            title: t('audit.subject'),
            key: 'subject',
            render: (_, e) => {
              if (!e.subjectType) return '—';
              const kind = label(SUBJECT_TYPE_LABELS, e.subjectType, lang);
              if (e.subjectLabel) return `${kind} ${e.subjectLabel}`;
              const u = e.subjectType === 'user' && e.subjectId ? userById.get(e.subjectId) : undefined;
              return `${kind} ${u ? `${u.displayName}（${u.username}）` : (e.subjectId ?? '')}`;
            },
          },
          { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
