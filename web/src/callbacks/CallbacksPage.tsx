import { useRef, useState } from 'react';
import { App, Button, Form, Grid, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { api, errorText } from '../api/client.js';
import { useLang, useT } from '../i18n/index.js';
import { formatDateTime } from '../shared/format.js';
import { useApiQuery } from '../api/query.js';
import { useSession } from '../shared/session.js';
import { PageHeader } from '../admin/PageHeader.js';
import { useUrlFilters } from '../admin/useUrlFilters.js';
import type { TCallbackMessage } from '../../../src/contracts/callbacks.js';
import { CALLBACK_STATUS_LABELS } from '../../../src/contracts/enums/callbacks.js';
import { CALLBACK_STATUS_COLORS } from '../shared/statusColors.js';
import { useClearable } from '../shared/clearable.js';

type Step = { item: TCallbackMessage; to: 'called_back' | 'closed' };

/** 留言回电: messages citizens left with the bot outside live-help hours, each due a call back. */
export default function CallbacksPage() {
  const t = useT();
  // on a wide screen the actions stay in view while the other columns scroll
  const wide = Grid.useBreakpoint().md;
  const clearable = useClearable();
  const { lang } = useLang();
  const { can } = useSession();
  const { message } = App.useApp();
  // `id`: one case, opened from a notification or "my work"
  const [f, setF] = useUrlFilters(['status', 'id'] as const);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [step, setStep] = useState<Step | null>(null);
  const list = useApiQuery<{ items: TCallbackMessage[] }>(
    '/api/callbacks',
    { status: f.status },
    { refreshMs: 60_000 },
  );
  const handle = can('callbacks.handle');
  const reveal = async (c: TCallbackMessage) => {
    try {
      const r = await api.post<{ phone: string }>(`/api/callbacks/${c.id}/phone`, {});
      setRevealed((m) => ({ ...m, [c.id]: r.phone }));
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };
  return (
    <>
      <PageHeader title={t('callbacks.title')} description={t('callbacks.description')} />
      <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('common.filters')}>
        <Select
          allowClear={clearable}
          placeholder={t('callbacks.allStatuses')}
          aria-label={t('common.status')}
          style={{ width: 150 }}
          value={f.status || undefined}
          options={(Object.keys(CALLBACK_STATUS_LABELS) as TCallbackMessage['status'][]).map((s) => ({
            value: s,
            label: CALLBACK_STATUS_LABELS[s][lang],
          }))}
          onChange={(v?: string) => setF({ status: v })}
        />
        {f.id && (
          <Button onClick={() => setF({ id: undefined })} data-testid="callbacks-show-all">
            {t('callbacks.showAll')}
          </Button>
        )}
      </Space>
      <Table<TCallbackMessage>
        rowKey="id"
        loading={list.loading}
        dataSource={(list.data?.items ?? []).filter((c) => !f.id || c.id === f.id)}
        scroll={{ x: 1420 }}
        locale={list.error ? { emptyText: list.error.message } : { emptyText: t('callbacks.empty') }}
        pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { title: t('callbacks.number'), dataIndex: 'number', width: 140 },
          { title: t('callbacks.name'), dataIndex: 'name', width: 100 },
          {
            title: t('callbacks.phone'),
            dataIndex: 'phone',
            width: 150,
            render: (p: string, c) => revealed[c.id] ?? p,
          },
          { title: t('callbacks.question'), dataIndex: 'question', width: 260 },
          {
            title: t('callbacks.createdAt'),
            dataIndex: 'createdAt',
            width: 160,
            render: (v: string) => formatDateTime(v, lang),
          },
          {
            title: t('callbacks.dueAt'),
            dataIndex: 'dueAt',
            width: 190,
            render: (v: string, c) => (
              <>
                {formatDateTime(v, lang)}
                {c.overdue && (
                  <Tag color="error" style={{ marginLeft: 4 }}>
                    {t('callbacks.overdue')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: TCallbackMessage['status']) => (
              <Tag color={CALLBACK_STATUS_COLORS[s]}>{CALLBACK_STATUS_LABELS[s][lang]}</Tag>
            ),
          },
          {
            title: t('callbacks.result'),
            dataIndex: 'result',
            width: 200,
            // the last column when there are no actions (a read-only user)
            fixed: wide && !handle ? ('right' as const) : undefined,
            render: (r: string | null) => r ?? '—',
          },
          ...(handle
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  width: 220,
                  fixed: wide ? ('right' as const) : undefined,
                  render: (_: unknown, c: TCallbackMessage) => (
                    <Space size={0} wrap>
                      {c.status !== 'closed' && !revealed[c.id] && (
                        <Button type="link" size="small" onClick={() => void reveal(c)}>
                          {t('callbacks.reveal')}
                        </Button>
                      )}
                      {c.status === 'open' && (
                        <Button type="link" size="small" onClick={() => setStep({ item: c, to: 'called_back' })}>
                          {t('callbacks.log')}
                        </Button>
                      )}
                      {c.status !== 'closed' && (
                        <Button type="link" size="small" onClick={() => setStep({ item: c, to: 'closed' })}>
                          {t('callbacks.close')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary">{t('callbacks.note')}</Typography.Paragraph>
      <ProgressModal
        step={step}
        onClose={() => setStep(null)}
        onDone={() => {
          setStep(null);
          message.success(t('callbacks.saved'));
          list.reload();
        }}
      />
    </>
  );
}

/** Logs what the call achieved (or why the case closes); the server keeps it in the audit trail. */
function ProgressModal({ step, onClose, onDone }: { step: Step | null; onClose(): void; onDone(): void }) {
  const t = useT();
  const [form] = Form.useForm<{ result: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async ({ result }: { result: string }) => {
    if (!step) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/callbacks/${step.item.id}/progress`, { status: step.to, result });
      form.resetFields();
      onDone();
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };
  const last = useRef<Step | null>(null);
  if (step) last.current = step; // keep the title while the dialog closes
  const shown = step ?? last.current;
  const title = shown
    ? t(shown.to === 'closed' ? 'callbacks.closeTitle' : 'callbacks.logTitle', { number: shown.item.number })
    : '';
  return (
    <Modal
      open={!!step}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="result"
          label={t('callbacks.resultLabel')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('callbacks.resultRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
        {error && (
          <Typography.Text type="danger" role="alert">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
