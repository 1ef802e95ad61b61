import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../api/query.js';
import { useLang, useT } from '../i18n/index.js';
import { formatDateTime } from '../shared/format.js';
import type { TMyWork, TWorkItem } from '../../../src/contracts/notifications.js';
import { WORK_BUCKET_LABELS } from '../../../src/contracts/enums/notifications.js';

const BUCKET_COLORS: Record<TWorkItem['bucket'], string> = {
  overdue: 'error',
  today: 'warning',
  soon: 'processing',
  waiting: 'default',
};

/** 我的待办: what waits for me in every module, most urgent first, each a link to the case. */
export function MyWork() {
  const t = useT();
  const { lang } = useLang();
  const work = useApiQuery<TMyWork>('/api/my-work', undefined, { refreshMs: 60_000 });
  const c = work.data?.counts;
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 17, margin: 0 }}>{t('work.title')}</h2>}
      extra={c && <Typography.Text type="secondary">{t('work.summary', c)}</Typography.Text>}
      data-testid="my-work"
    >
      {work.data && !work.data.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.empty')} />
      ) : (
        <List<TWorkItem>
          size="small"
          loading={work.loading && !work.data}
          dataSource={work.data?.items ?? []}
          locale={{ emptyText: work.error?.message }}
          pagination={(work.data?.items.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
          renderItem={(i) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={4} wrap>
                  <Tag color={BUCKET_COLORS[i.bucket]}>{WORK_BUCKET_LABELS[i.bucket][lang]}</Tag>
                  <Tag>{i.sourceLabel[lang]}</Tag>
                  {i.reference && <Typography.Text type="secondary">{i.reference}</Typography.Text>}
                </Space>
                <Link to={i.link} style={{ overflowWrap: 'anywhere' }}>
                  {i.title[lang]}
                </Link>
                {i.dueAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('work.due', { time: formatDateTime(i.dueAt, lang) })}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
