import { useState } from 'react';
import { Alert, App, Button, Form, Grid, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, errorText } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { formatDateTime } from '../../shared/format.js';
import { useApiQuery } from '../../api/query.js';
import { useSession } from '../../shared/session.js';
import { PageHeader } from '../PageHeader.js';
import { EntryPicker } from './EntryPicker.js';
import { LearnedQuestions } from './LearnedQuestions.js';
import type { TInboxGroup } from '../../../../src/contracts/bot.js';
import { INBOX_REASON_LABELS } from '../../../../src/contracts/enums/bot.js';

/** 未解答问题: what citizens asked and the bot could not answer (or did not solve), grouped by question. */
export default function InboxPage() {
  const t = useT();
  // on a wide screen the actions stay in view while the other columns scroll
  const wide = Grid.useBreakpoint().md;
  const { lang } = useLang();
  const { can } = useSession();
  const navigate = useNavigate();
  const inbox = useApiQuery<{ total: number; groups: TInboxGroup[] }>('/api/bot/inbox');
  const [attaching, setAttaching] = useState<TInboxGroup | null>(null);
  const [dismissing, setDismissing] = useState<TInboxGroup | null>(null);
  const handle = can('bot.handleInbox');
  const newEntry = (g: TInboxGroup) => {
    const p = new URLSearchParams({ question: g.question, turns: g.items.map((i) => i.id).join(',') });
    void navigate(`/admin/kb/new?${p.toString()}`);
  };

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        description={t('inbox.description')}
        extra={<Button onClick={inbox.reload}>{t('inbox.refresh')}</Button>}
      />
      {can('bot.readLearned') && <LearnedQuestions />}
      <Table<TInboxGroup>
        rowKey="key"
        loading={inbox.loading}
        dataSource={inbox.data?.groups ?? []}
        scroll={{ x: 1150 }}
        data-testid="inbox-table"
        locale={inbox.error ? { emptyText: inbox.error.message } : { emptyText: t('inbox.empty') }}
        pagination={{ defaultPageSize: 20, showTotal: (n) => t('inbox.totalGroups', { n, q: inbox.data?.total ?? 0 }) }}
        expandable={{
          rowExpandable: (g) => g.items.length > 1,
          expandedRowRender: (g) => (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {g.items.map((i) => (
                <li key={i.id}>
                  {i.question}{' '}
                  <Typography.Text type="secondary">
                    · {formatDateTime(i.createdAt, lang)} · {INBOX_REASON_LABELS[i.reason]?.[lang] ?? i.reason}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          {
            title: t('inbox.question'),
            dataIndex: 'question',
            width: 300,
            render: (q: string) => <Typography.Text strong>{q}</Typography.Text>,
          },
          { title: t('inbox.count'), dataIndex: 'count', width: 80 },
          {
            title: t('inbox.reason'),
            key: 'reason',
            width: 150,
            render: (_, g) =>
              [...new Set(g.items.map((i) => i.reason))].map((r) => (
                <Tag key={r} color={r === 'no_match' ? 'warning' : 'blue'}>
                  {INBOX_REASON_LABELS[r]?.[lang] ?? r}
                </Tag>
              )),
          },
          {
            title: t('inbox.latest'),
            dataIndex: 'latestAt',
            width: 160,
            render: (v: string) => formatDateTime(v, lang),
          },
          {
            title: t('inbox.nearest'),
            dataIndex: 'nearest',
            width: 280,
            render: (near: TInboxGroup['nearest']) =>
              near.length ? (
                <ol style={{ margin: 0, paddingLeft: 18 }}>
                  {near.map((h) => (
                    <li key={h.entryId}>
                      {h.question}
                      <Typography.Text type="secondary">{h.department ? `（${h.department}）` : ''}</Typography.Text>
                    </li>
                  ))}
                </ol>
              ) : (
                '—'
              ),
          },
          ...(handle
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  width: 220,
                  fixed: wide ? ('right' as const) : undefined,
                  render: (_: unknown, g: TInboxGroup) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => setAttaching(g)} data-testid="inbox-attach">
                        {t('inbox.attach')}
                      </Button>
                      {can('knowledge.edit') && (
                        <Button type="link" size="small" onClick={() => newEntry(g)}>
                          {t('inbox.newEntry')}
                        </Button>
                      )}
                      <Button type="link" size="small" onClick={() => setDismissing(g)}>
                        {t('inbox.dismiss')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AttachModal
        group={attaching}
        onClose={() => setAttaching(null)}
        onDone={() => {
          setAttaching(null);
          inbox.reload();
        }}
      />
      <DismissModal
        group={dismissing}
        onClose={() => setDismissing(null)}
        onDone={() => {
          setDismissing(null);
          inbox.reload();
        }}
      />
    </>
  );
}

function AttachModal({ group, onClose, onDone }: { group: TInboxGroup | null; onClose(): void; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ entryId: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async ({ entryId }: { entryId: string }) => {
    if (!group) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/bot/inbox/attach', { entryId, turnIds: group.items.map((i) => i.id) });
      message.success(t('inbox.attached', { n: group.items.length }));
      onDone();
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!group}
      title={t('inbox.attachTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inbox.attachOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => {
        if (o && group) {
          form.resetFields();
          form.setFieldsValue({ entryId: group.hint?.entryId });
          setError(undefined);
        }
      }}
      forceRender
    >
      {group && (
        <>
          <Typography.Paragraph>{t('inbox.attachText', { n: group.items.length })}</Typography.Paragraph>
          <ul>
            {group.items.slice(0, 5).map((i) => (
              <li key={i.id}>{i.question}</li>
            ))}
          </ul>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item
              name="entryId"
              label={t('inbox.pickEntry')}
              extra={group.hint ? t('inbox.hintDefault') : t('inbox.pickHelp')}
              rules={[{ required: true, message: t('inbox.pickRequired') }]}
            >
              <EntryPicker
                key={group.key}
                initial={
                  group.hint
                    ? { entryId: group.hint.entryId, question: group.hint.question, department: group.hint.department }
                    : null
                }
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

const REASONS = ['与水务无关', '重复或无效内容', '已有答案，无需处理', '已转其他渠道处理'];

function DismissModal({ group, onClose, onDone }: { group: TInboxGroup | null; onClose(): void; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; other?: string }>();
  const reason = Form.useWatch('reason', form);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { reason: string; other?: string }) => {
    if (!group) return;
    setBusy(true);
    try {
      await api.post('/api/bot/inbox/dismiss', {
        turnIds: group.items.map((i) => i.id),
        reason: v.reason === 'other' ? v.other!.trim() : v.reason,
      });
      message.success(t('inbox.dismissed'));
      onDone();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!group}
      title={t('inbox.dismissTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inbox.dismiss')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      {group && <Typography.Paragraph>「{group.question}」</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('inbox.dismissReason')}
          rules={[{ required: true, message: t('inbox.dismissReasonRequired') }]}
        >
          <Select
            options={[
              ...REASONS.map((r) => ({ value: r, label: r })),
              { value: 'other', label: t('inbox.otherReason') },
            ]}
          />
        </Form.Item>
        {reason === 'other' && (
          <Form.Item
            name="other"
            label={t('inbox.otherReason')}
            rules={[{ required: true, whitespace: true, message: t('inbox.dismissReasonRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
