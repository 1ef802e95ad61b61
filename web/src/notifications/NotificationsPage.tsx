import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, List, Space, Switch, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, errorText } from '../api/client.js';
import { useApiQuery } from '../api/query.js';
import { useLang, useT } from '../i18n/index.js';
import { formatDateTime } from '../shared/format.js';
import { PageHeader } from '../admin/PageHeader.js';
import type { TNotification, TNotificationPage, TNotificationPrefs } from '../../../src/contracts/notifications.js';
import { NOTIFICATION_KIND_LABELS } from '../../../src/contracts/enums/notifications.js';
import { KIND_COLORS } from './NotificationBell.js';

/** 通知中心: all my notices (newest first, "load more" by keyset), and which kinds I receive where. */
export default function NotificationsPage() {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const first = useApiQuery<TNotificationPage>('/api/notifications', { limit: 20, unread: unreadOnly ? 1 : undefined });
  const [more, setMore] = useState<TNotification[]>([]);
  const [next, setNext] = useState<string | null>(null);
  useEffect(() => {
    setMore([]);
    setNext(first.data?.next ?? null);
  }, [first.data]);
  const items = [...(first.data?.items ?? []), ...more];

  const loadMore = async () => {
    if (!next) return;
    try {
      const page = await api.get<TNotificationPage>('/api/notifications', {
        limit: 20,
        cursor: next,
        unread: unreadOnly ? 1 : undefined,
      });
      setMore((m) => [...m, ...page.items]);
      setNext(page.next);
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };
  const open = (x: TNotification) => {
    if (!x.readAt) void api.post(`/api/notifications/${x.id}/read`).catch(() => undefined);
    if (x.link) void navigate(x.link);
  };

  return (
    <>
      <PageHeader
        title={t('notify.title')}
        description={t('notify.description')}
        extra={
          <Space wrap>
            <Checkbox checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)}>
              {t('notify.onlyUnread')}
            </Checkbox>
            <Button
              disabled={!first.data?.unread}
              onClick={() => void api.post('/api/notifications/read-all').catch(() => undefined)}
            >
              {t('notify.markAllRead')}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <List<TNotification>
          loading={first.loading && !first.data}
          dataSource={items}
          locale={{
            emptyText: <Typography.Text>{first.error ? first.error.message : t('notify.empty')}</Typography.Text>,
          }}
          data-testid="notifications-page-list"
          renderItem={(x) => (
            <List.Item
              actions={[
                ...(x.link
                  ? [
                      <Button key="open" type="link" size="small" onClick={() => open(x)}>
                        {t('notify.open')}
                      </Button>,
                    ]
                  : []),
                ...(!x.readAt
                  ? [
                      <Button
                        key="read"
                        type="link"
                        size="small"
                        onClick={() => void api.post(`/api/notifications/${x.id}/read`).catch(() => undefined)}
                      >
                        {t('notify.markRead')}
                      </Button>,
                    ]
                  : []),
              ]}
              style={{ flexWrap: 'wrap' }}
            >
              <Space orientation="vertical" size={2}>
                <Space size={4} wrap>
                  <Tag color={KIND_COLORS[x.kind]}>{NOTIFICATION_KIND_LABELS[x.kind][lang]}</Tag>
                  {!x.readAt && <Tag color="processing">{t('notify.unread')}</Tag>}
                  <Typography.Text type="secondary">{formatDateTime(x.createdAt, lang)}</Typography.Text>
                </Space>
                <Typography.Text strong={!x.readAt}>{x.title[lang]}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
        {next && (
          <Button block onClick={() => void loadMore()}>
            {t('notify.loadMore')}
          </Button>
        )}
      </Card>
      <Prefs />
    </>
  );
}

function Prefs() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const prefs = useApiQuery<TNotificationPrefs>('/api/notifications/prefs');
  const [draft, setDraft] = useState<TNotificationPrefs | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (prefs.data) setDraft(prefs.data);
  }, [prefs.data]);
  if (!draft) return null;
  const setKind = (kind: string, patch: { inApp?: boolean; email?: boolean }) =>
    setDraft({ ...draft, kinds: draft.kinds.map((k) => (k.kind === kind ? { ...k, ...patch } : k)) });
  const save = async () => {
    setSaving(true);
    try {
      await api.put('/api/notifications/prefs', { email: draft.email ?? '', kinds: draft.kinds });
      message.success(t('notify.prefsSaved'));
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={<h2 style={{ fontSize: 17, margin: 0 }}>{t('notify.prefsTitle')}</h2>} size="small">
      {!draft.emailAvailable && (
        <Alert type="info" showIcon title={t('notify.prefsNoSmtp')} style={{ marginBottom: 12 }} />
      )}
      <Table
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={draft.kinds}
        scroll={{ x: 320 }}
        columns={[
          {
            title: t('notify.prefsKind'),
            dataIndex: 'kind',
            render: (k: TNotificationPrefs['kinds'][number]['kind']) => NOTIFICATION_KIND_LABELS[k][lang],
          },
          {
            title: t('notify.prefsInApp'),
            dataIndex: 'inApp',
            render: (v: boolean, r) => (
              <Switch
                checked={v}
                aria-label={`${NOTIFICATION_KIND_LABELS[r.kind][lang]} · ${t('notify.prefsInApp')}`}
                onChange={(inApp) => setKind(r.kind, { inApp })}
              />
            ),
          },
          {
            title: t('notify.prefsEmail'),
            dataIndex: 'email',
            render: (v: boolean, r) => (
              <Switch
                checked={v}
                disabled={!draft.emailAvailable}
                aria-label={`${NOTIFICATION_KIND_LABELS[r.kind][lang]} · ${t('notify.prefsEmail')}`}
                onChange={(email) => setKind(r.kind, { email })}
              />
            ),
          },
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 12, maxWidth: 420 }} onFinish={() => void save()}>
        <Form.Item label={t('notify.prefsAddress')} extra={t('notify.prefsAddressHint')} htmlFor="notify-own-email">
          <Input
            id="notify-own-email"
            type="email"
            value={draft.email ?? ''}
            maxLength={200}
            onChange={(e) => setDraft({ ...draft, email: e.target.value })}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('notify.save')}
        </Button>
      </Form>
    </Card>
  );
}
