import { useState } from 'react';
import { Badge, Button, Drawer, List, Space, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client.js';
import { useApiQuery } from '../api/query.js';
import { useLang, useT } from '../i18n/index.js';
import { formatDateTime } from '../shared/format.js';
import type { Face } from '../shared/faces.js';
import type { TNotification, TNotificationPage, TUnreadCount } from '../../../src/contracts/notifications.js';
import { NOTIFICATION_KIND_LABELS } from '../../../src/contracts/enums/notifications.js';

export const KIND_COLORS: Record<TNotification['kind'], string> = {
  assignment: 'blue',
  reminder: 'gold',
  overdue: 'red',
  escalation: 'volcano',
};

/**
 * The bell in the staff header: the unread count (refreshed by the live socket: a
 * `notification.*` event reaches only its recipient), and a drawer with the latest notices,
 * each a link to its case.
 */
export function NotificationBell({ face }: { face: Face }) {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const count = useApiQuery<TUnreadCount>('/api/notifications/unread-count', undefined, { refreshMs: 120_000 });
  const list = useApiQuery<TNotificationPage>('/api/notifications', { limit: 20 }, { enabled: open });
  const n = count.data?.unread ?? 0;

  const openNotice = (x: TNotification) => {
    if (!x.readAt) void api.post(`/api/notifications/${x.id}/read`).catch(() => undefined);
    setOpen(false);
    if (x.link) void navigate(x.link);
  };

  return (
    <>
      <Badge count={n} overflowCount={99} size="small" offset={[-4, 4]}>
        <Button
          ghost
          shape="circle"
          icon={<BellOutlined aria-hidden />}
          aria-label={n ? t('notify.bell', { n }) : t('notify.bellNone')}
          data-testid="notification-bell"
          data-unread={n}
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notify.drawerTitle')}
        size="min(420px, 100vw)"
        extra={
          <Button
            size="small"
            disabled={!n}
            onClick={() => void api.post('/api/notifications/read-all').catch(() => undefined)}
          >
            {t('notify.markAllRead')}
          </Button>
        }
      >
        <List<TNotification>
          loading={list.loading && !list.data}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: <Typography.Text>{list.error ? list.error.message : t('notify.empty')}</Typography.Text>,
          }}
          data-testid="notification-list"
          renderItem={(x) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space size={4} wrap>
                  <Tag color={KIND_COLORS[x.kind]}>{NOTIFICATION_KIND_LABELS[x.kind][lang]}</Tag>
                  {!x.readAt && <Badge status="processing" text={t('notify.unread')} />}
                </Space>
                {x.link ? (
                  <a
                    href={x.link}
                    onClick={(ev) => {
                      ev.preventDefault();
                      openNotice(x);
                    }}
                    style={{ fontWeight: x.readAt ? 400 : 600 }}
                  >
                    {x.title[lang]}
                  </a>
                ) : (
                  <Typography.Text strong={!x.readAt}>{x.title[lang]}</Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatDateTime(x.createdAt, lang)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
        <Link to={`/${face}/notifications`} onClick={() => setOpen(false)}>
          {t('notify.seeAll')}
        </Link>
      </Drawer>
    </>
  );
}
