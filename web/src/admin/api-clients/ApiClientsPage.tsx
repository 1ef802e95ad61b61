import { useState } from 'react';
import {
  App,
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { api, errorText } from '../../api/client.js';
import { useApiQuery } from '../../api/query.js';
import { useLang, useT } from '../../i18n/index.js';
import { formatDateTime } from '../../shared/format.js';
import { PageHeader } from '../PageHeader.js';
import {
  API_CLIENT_STATUS_LABELS,
  API_SCOPES,
  API_SCOPE_LABELS,
  KEY_GRACE_HOURS,
  type ApiScope,
} from '../../../../src/contracts/enums/integrations.js';
import type { TApiClient, TIssuedCredentials } from '../../../../src/contracts/integrations.js';

interface FormValues {
  name: string;
  scopes: ApiScope[];
  callbackUrl?: string;
  ratePerMinute: number;
}

/** 对接系统: client systems of the integration API — issue (key shown once), edit, rotate, revoke. */
export default function ApiClientsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const clients = useApiQuery<{ items: TApiClient[] }>('/api/api-clients');
  const [editing, setEditing] = useState<TApiClient | 'new' | null>(null);
  const [issued, setIssued] = useState<TIssuedCredentials | null>(null);

  const rotate = async (c: TApiClient) => {
    try {
      setIssued(await api.post<TIssuedCredentials>(`/api/api-clients/${c.id}/rotate`));
      clients.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };
  const revoke = async (c: TApiClient) => {
    try {
      await api.post(`/api/api-clients/${c.id}/revoke`);
      clients.reload();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        description={t('clients.description', { hours: KEY_GRACE_HOURS })}
        extra={
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('clients.issue')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('clients.docs')}</Typography.Paragraph>
      <Table<TApiClient>
        rowKey="id"
        loading={clients.loading}
        dataSource={clients.data?.items ?? []}
        locale={{ emptyText: clients.error ? clients.error.message : t('clients.empty') }}
        pagination={false}
        scroll={{ x: 1020 }}
        data-testid="api-clients"
        columns={[
          {
            title: t('clients.name'),
            dataIndex: 'name',
            width: 160,
            render: (n: string, c) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{n}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: c.id }}>
                  {c.id.slice(0, 8)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 80,
            render: (s: TApiClient['status']) => (
              <Tag color={s === 'active' ? 'success' : 'default'}>{API_CLIENT_STATUS_LABELS[s][lang]}</Tag>
            ),
          },
          {
            title: t('clients.scopes'),
            dataIndex: 'scopes',
            width: 130,
            render: (s: ApiScope[]) => (
              <Space size={[0, 4]} wrap>
                {s.map((x) => (
                  <Tag key={x}>{API_SCOPE_LABELS[x][lang]}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('clients.callbackUrl'),
            dataIndex: 'callbackUrl',
            width: 170,
            render: (u: string | null) =>
              u ? (
                <span style={{ wordBreak: 'break-all' }}>{u}</span>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: t('clients.keys'),
            dataIndex: 'keys',
            width: 200,
            render: (keys: TApiClient['keys']) => (
              <Space direction="vertical" size={0}>
                {keys
                  .filter((k) => k.active)
                  .map((k) => (
                    <Typography.Text key={k.id} style={{ fontSize: 13 }}>
                      <Typography.Text code>{k.hint}</Typography.Text>{' '}
                      {k.expiresAt
                        ? t('clients.keyGrace', { time: formatDateTime(k.expiresAt, lang) })
                        : t('clients.keyCurrent')}
                    </Typography.Text>
                  ))}
                {!keys.some((k) => k.active) && (
                  <Typography.Text type="secondary">{t('clients.keyExpired')}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('clients.createdAt'),
            dataIndex: 'createdAt',
            width: 110,
            render: (v: string) => formatDateTime(v, lang),
          },
          {
            title: t('common.actions'),
            key: 'a',
            width: 170,
            render: (_: unknown, c) =>
              c.status === 'active' ? (
                <Space size={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setEditing(c)}
                    aria-label={`${t('clients.edit')} ${c.name}`}
                  >
                    {t('clients.edit')}
                  </Button>
                  <Popconfirm
                    title={t('clients.rotateConfirm', { hours: KEY_GRACE_HOURS })}
                    onConfirm={() => void rotate(c)}
                  >
                    <Button type="link" size="small" aria-label={`${t('clients.rotate')} ${c.name}`}>
                      {t('clients.rotate')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm title={t('clients.revokeConfirm')} onConfirm={() => void revoke(c)}>
                    <Button type="link" size="small" danger aria-label={`${t('clients.revoke')} ${c.name}`}>
                      {t('clients.revoke')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : (
                <Typography.Text type="secondary">
                  {t('clients.revoked')} {c.revokedAt ? formatDateTime(c.revokedAt, lang) : ''}
                </Typography.Text>
              ),
          },
        ]}
      />
      <ClientModal
        client={editing}
        onClose={() => setEditing(null)}
        onIssued={(cred) => {
          setEditing(null);
          setIssued(cred);
          clients.reload();
        }}
        onSaved={() => {
          setEditing(null);
          message.success(t('clients.saved'));
          clients.reload();
        }}
      />
      <CredentialsModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}

function ClientModal({
  client,
  onClose,
  onIssued,
  onSaved,
}: {
  client: TApiClient | 'new' | null;
  onClose(): void;
  onIssued(c: TIssuedCredentials): void;
  onSaved(): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const isNew = client === 'new';
  const close = () => {
    setError(null);
    onClose();
  };
  const save = async (v: FormValues) => {
    setSaving(true);
    setError(null);
    const body = { ...v, callbackUrl: v.callbackUrl?.trim() || null };
    try {
      if (isNew) onIssued(await api.post<TIssuedCredentials>('/api/api-clients', body));
      else {
        await api.put(`/api/api-clients/${(client as TApiClient).id}`, body);
        onSaved();
      }
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={!!client}
      title={isNew ? t('clients.issue') : client ? `${t('clients.edit')} · ${client.name}` : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okText={isNew ? t('clients.issue') : t('clients.save')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          client && client !== 'new'
            ? {
                name: client.name,
                scopes: client.scopes,
                callbackUrl: client.callbackUrl ?? '',
                ratePerMinute: client.ratePerMinute,
              }
            : { name: '', scopes: ['orders:push', 'orders:results'], callbackUrl: '', ratePerMinute: 3000 }
        }
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="name"
          label={t('clients.name')}
          rules={[{ required: true, min: 2, message: t('clients.nameRequired') }]}
        >
          <Input maxLength={100} placeholder="12345 市民服务热线" />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('clients.scopes')}
          rules={[{ required: true, type: 'array', min: 1, message: t('clients.scopesRequired') }]}
        >
          <Checkbox.Group
            options={API_SCOPES.map((s) => ({ value: s, label: `${API_SCOPE_LABELS[s][lang]}（${s}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="callbackUrl"
          label={t('clients.callbackUrl')}
          extra={t('clients.callbackHint')}
          rules={[{ pattern: /^(https?:\/\/\S+)?$/i, message: t('clients.callbackInvalid') }]}
        >
          <Input maxLength={1000} inputMode="url" />
        </Form.Item>
        <Form.Item name="ratePerMinute" label={t('clients.rate')}>
          <InputNumber min={10} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The key and signing secret, shown once, each with a copy button. */
function CredentialsModal({ issued, onClose }: { issued: TIssuedCredentials | null; onClose(): void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      message.success(t('clients.copied'));
    } catch {
      message.error(t('clients.copyFailed'));
    }
  };
  const field = (label: string, value: string, testId: string) => (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
        <Input readOnly value={value} data-testid={testId} aria-label={label} style={{ fontFamily: 'monospace' }} />
        <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy(value)}>
          {t('clients.copy')}
        </Button>
      </Space.Compact>
    </div>
  );
  return (
    <Modal
      open={!!issued}
      title={issued ? `${t('clients.secretTitle')} · ${issued.client.name}` : ''}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('clients.close')}
        </Button>
      }
    >
      {issued && (
        <>
          <Alert type="warning" showIcon message={t('clients.secretWarning')} style={{ marginBottom: 16 }} />
          {field(t('clients.key'), issued.key, 'issued-key')}
          {field(t('clients.signingSecret'), issued.signingSecret, 'issued-secret')}
          {issued.previousKeyExpiresAt && (
            <Typography.Paragraph type="secondary">
              {t('clients.previousUntil', { time: formatDateTime(issued.previousKeyExpiresAt, lang) })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Modal>
  );
}
