import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { api, errorText } from '../api/client.js';
import { useApiQuery } from '../api/query.js';
import { useLang, useT } from '../i18n/index.js';
import { formatDateTime } from '../shared/format.js';
import { PageHeader } from '../admin/PageHeader.js';
import type { TDelivery, TDepartmentChannel } from '../../../src/contracts/notifications.js';

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** 部门通知渠道: each department's e-mail addresses and webhook, and the outbox's dead letters to replay. */
export default function ChannelsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const channels = useApiQuery<{ items: TDepartmentChannel[] }>('/api/notification-channels');
  const dead = useApiQuery<{ items: TDelivery[] }>('/api/notification-deliveries', { status: 'dead' });
  const [editing, setEditing] = useState<TDepartmentChannel | null>(null);

  const remove = async (c: TDepartmentChannel) => {
    try {
      await api.del(`/api/notification-channels/${c.departmentId}`);
      channels.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };
  const replay = async (d: TDelivery) => {
    try {
      await api.post(`/api/notification-deliveries/${d.id}/replay`);
      message.success(t('notify.replayed'));
      dead.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <PageHeader title={t('notify.channelsTitle')} description={t('notify.channelsDescription')} />
      <Table<TDepartmentChannel>
        rowKey="departmentId"
        loading={channels.loading}
        dataSource={channels.data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        style={{ marginBottom: 24 }}
        data-testid="channels-table"
        columns={[
          {
            title: t('notify.department'),
            dataIndex: 'departmentName',
            width: 160,
            render: (n: TDepartmentChannel['departmentName']) => n[lang],
          },
          {
            title: t('notify.emails'),
            dataIndex: 'emails',
            render: (e: string[]) =>
              e.length ? e.join(', ') : <Typography.Text type="secondary">{t('notify.none')}</Typography.Text>,
          },
          {
            title: t('notify.webhook'),
            dataIndex: 'webhookUrl',
            render: (u: string | null) =>
              u ? (
                <span style={{ wordBreak: 'break-all' }}>{u.replace(/([?&]key=)[^&]+/, '$1…')}</span>
              ) : (
                <Typography.Text type="secondary">{t('notify.none')}</Typography.Text>
              ),
          },
          {
            title: t('notify.enabled'),
            dataIndex: 'enabled',
            width: 80,
            render: (v: boolean, c) =>
              c.updatedAt ? <Tag color={v ? 'success' : 'default'}>{v ? '✓' : '—'}</Tag> : null,
          },
          {
            title: t('common.actions'),
            key: 'a',
            width: 150,
            render: (_: unknown, c) => (
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing(c)}
                  aria-label={`${t('notify.edit')} ${c.departmentName[lang]}`}
                >
                  {t('notify.edit')}
                </Button>
                {c.updatedAt && (
                  <Popconfirm title={t('notify.removeConfirm')} onConfirm={() => void remove(c)}>
                    <Button
                      type="link"
                      size="small"
                      danger
                      aria-label={`${t('notify.remove')} ${c.departmentName[lang]}`}
                    >
                      {t('notify.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Card title={<h2 style={{ fontSize: 17, margin: 0 }}>{t('notify.deadTitle')}</h2>} size="small">
        <Typography.Paragraph type="secondary">{t('notify.deadDescription')}</Typography.Paragraph>
        <Table<TDelivery>
          rowKey="id"
          size="small"
          loading={dead.loading}
          dataSource={dead.data?.items ?? []}
          locale={{ emptyText: dead.error ? dead.error.message : t('notify.deadEmpty') }}
          scroll={{ x: 820 }}
          data-testid="dead-letters"
          columns={[
            { title: t('notify.channel'), dataIndex: 'channel', width: 90 },
            { title: t('notify.target'), dataIndex: 'target', width: 200 },
            { title: t('notify.subject'), dataIndex: 'subject' },
            { title: t('notify.attempts'), dataIndex: 'attempts', width: 90 },
            { title: t('notify.lastError'), dataIndex: 'lastError', width: 180 },
            {
              title: t('notify.createdAt'),
              dataIndex: 'createdAt',
              width: 160,
              render: (v: string) => formatDateTime(v, lang),
            },
            {
              title: t('common.actions'),
              key: 'a',
              width: 110,
              render: (_: unknown, d) => (
                <Button type="link" size="small" onClick={() => void replay(d)}>
                  {t('notify.replay')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <ChannelModal
        channel={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('notify.channelSaved'));
          channels.reload();
        }}
      />
    </>
  );
}

function ChannelModal({
  channel,
  onClose,
  onSaved,
}: {
  channel: TDepartmentChannel | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<{ emails: string; webhookUrl: string; enabled: boolean }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (v: { emails: string; webhookUrl: string; enabled: boolean }) => {
    const emails = (v.emails ?? '')
      .split(/[\s,;，；]+/)
      .map((e) => e.trim())
      .filter(Boolean);
    if (!emails.every((e) => EMAIL.test(e))) return setError(t('notify.badEmails'));
    setSaving(true);
    try {
      await api.put(`/api/notification-channels/${channel!.departmentId}`, {
        emails,
        webhookUrl: v.webhookUrl?.trim() ?? '',
        enabled: v.enabled,
      });
      onSaved();
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={!!channel}
      title={channel ? `${t('notify.channelsTitle')} · ${channel.departmentName[lang]}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('notify.save')}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(o) => {
        if (o && channel) {
          setError(null);
          form.setFieldsValue({
            emails: channel.emails.join('\n'),
            webhookUrl: channel.webhookUrl ?? '',
            enabled: channel.updatedAt ? channel.enabled : true,
          });
        }
      }}
    >
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="emails" label={t('notify.emails')} extra={t('notify.emailsHint')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="webhookUrl" label={t('notify.webhook')} extra={t('notify.webhookHint')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="enabled" label={t('notify.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
