import { Button, Card, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import { pick, useLang, useT } from '../../i18n/index.js';
import { formatDateTime } from '../../shared/format.js';
import { useApiQuery } from '../../api/query.js';
import type { TAuditEvent } from '../../../../src/contracts/audit.js';
import type { TPage } from '../../../../src/contracts/common.js';

/** The last ten events of the audit trail. */
export function RecentAudit() {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const events = useApiQuery<TPage<TAuditEvent>>('/api/audit', { pageSize: 10 });
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('overview.recentAudit')}</h2>}
      extra={
        <Button type="link" onClick={() => navigate('/admin/audit')}>
          {t('overview.allAudit')}
        </Button>
      }
    >
      <Table<TAuditEvent>
        rowKey="id"
        size="small"
        pagination={false}
        loading={events.loading}
        dataSource={events.data?.items ?? []}
        scroll={{ x: 600 }}
        locale={events.error ? { emptyText: events.error.message } : undefined}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 190, render: (v: string) => formatDateTime(v, lang) },
          {
            title: t('audit.type'),
            dataIndex: 'type',
            width: 160,
            render: (v: string, e) => (e.typeLabel ? pick(e.typeLabel, lang) : v),
          },
          { title: t('audit.actor'), dataIndex: 'actor' },
          { title: t('audit.ip'), dataIndex: 'ip', width: 140 },
        ]}
      />
    </Card>
  );
}
