import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, Modal, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { api, ApiError, errorText } from '../../api/client.js';
import { useApiQuery } from '../../api/query.js';
import { pick, useLang, useT } from '../../i18n/index.js';
import { PageHeader } from '../../admin/PageHeader.js';
import { formatDateTime, formatTime } from '../../shared/format.js';
import { KbSearchPanel } from '../KbSearchPage.js';
import type { TMatter } from '../../../../src/contracts/org.js';
import type { TPhoneCall } from '../../../../src/contracts/phone.js';
import { PHONE_CALL_TYPES, PHONE_CALL_TYPE_LABELS, type PhoneCallType } from '../../../../src/contracts/enums/phone.js';
import { CALL_STATUS_COLORS, DepartmentModal, printForm } from './phone-ui.js';

interface CallValues {
  callerName: string;
  phone: string;
  type: PhoneCallType;
  matterId?: string;
  content: string;
  answer?: string;
}
type Transfer = { callId?: string; values?: CallValues; departmentId?: string | null };

/** 电话咨询: log a call while on the phone, answer from the KB beside it, or transfer a complex one. */
export default function PhoneCallsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<CallValues>();
  const calls = useApiQuery<{ items: TPhoneCall[] }>('/api/phone/calls', undefined, { refreshMs: 60_000 });
  const matters = useApiQuery<{ items: TMatter[] }>('/api/matters');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const [answering, setAnswering] = useState<TPhoneCall | null>(null);
  const matterOwner = (id?: string) => matters.data?.items.find((m) => m.id === id)?.ownerDepartmentId ?? null;

  const showServerError = (e: unknown) => {
    setError(errorText(e, t('common.failed')));
    if (e instanceof ApiError)
      form.setFields(
        e.fields
          .filter((f): f is keyof CallValues =>
            ['callerName', 'phone', 'type', 'matterId', 'content', 'answer'].includes(f),
          )
          .map((name) => ({ name, errors: [e.message] })),
      );
  };

  const answerOnSpot = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    if (!values.answer?.trim()) {
      form.setFields([{ name: 'answer', errors: [t('phone.answerRequired')] }]);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/phone/calls', { ...values, matterId: values.matterId ?? null });
      form.resetFields();
      message.success(t('phone.logged'));
      calls.reload();
    } catch (e) {
      showServerError(e);
    } finally {
      setBusy(false);
    }
  };

  const startTransfer = async () => {
    const values = await form.validateFields(['callerName', 'phone', 'type', 'matterId', 'content']).catch(() => null);
    if (!values) return;
    setTransfer({ values: { ...values, answer: undefined }, departmentId: matterOwner(values.matterId) });
  };

  const doTransfer = async (departmentId: string) => {
    if (!transfer) return;
    let callId = transfer.callId;
    try {
      if (!callId) {
        const v = transfer.values!;
        callId = (
          await api.post<TPhoneCall>('/api/phone/calls', { ...v, matterId: v.matterId ?? null, answer: undefined })
        ).id;
        form.resetFields();
      }
      const r = await api.post<{ id: string; number: string; dueAt: string }>(`/api/phone/calls/${callId}/transfer`, {
        departmentId,
      });
      setTransfer(null);
      calls.reload();
      message.success(t('phone.transferred', { number: r.number, due: formatDateTime(r.dueAt, lang) }));
    } catch (e) {
      // the call was logged even if the transfer failed: it stays open in today's list
      if (callId) setTransfer((x) => (x ? { ...x, callId } : x));
      calls.reload();
      throw new Error(errorText(e, t('common.failed')));
    }
  };

  return (
    <>
      <PageHeader title={t('phone.title')} description={t('phone.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('phone.logTitle')}>
            <Form form={form} layout="vertical" initialValues={{ type: 'water' }} data-testid="phone-call-form">
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="callerName"
                    label={t('phone.callerName')}
                    rules={[{ required: true, whitespace: true, message: t('phone.callerNameRequired') }]}
                  >
                    <Input maxLength={50} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="phone"
                    label={t('phone.phone')}
                    extra={t('phone.phoneHint')}
                    rules={[{ required: true, whitespace: true, message: t('phone.phoneRequired') }]}
                  >
                    <Input maxLength={20} inputMode="tel" autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="type"
                label={t('phone.type')}
                rules={[{ required: true, message: t('phone.typeRequired') }]}
              >
                <Radio.Group
                  optionType="button"
                  options={PHONE_CALL_TYPES.map((v) => ({ value: v, label: pick(PHONE_CALL_TYPE_LABELS[v], lang) }))}
                />
              </Form.Item>
              <Form.Item name="matterId" label={t('phone.matter')}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('phone.matterPlaceholder')}
                  aria-label={t('phone.matter')}
                  options={(matters.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
                />
              </Form.Item>
              <Form.Item
                name="content"
                label={t('phone.content')}
                rules={[{ required: true, whitespace: true, message: t('phone.contentRequired') }]}
              >
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
              <Form.Item name="answer" label={t('phone.answer')} extra={t('phone.answerHint')}>
                <Input.TextArea rows={4} maxLength={4000} />
              </Form.Item>
              {error && (
                <Typography.Paragraph type="danger" role="alert">
                  {error}
                </Typography.Paragraph>
              )}
              <Space wrap>
                <Button type="primary" loading={busy} onClick={() => void answerOnSpot()}>
                  {t('phone.answerOnSpot')}
                </Button>
                <Button onClick={() => void startTransfer()} data-testid="phone-transfer">
                  {t('phone.transfer')}
                </Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('phone.kbTitle')}>
            <KbSearchPanel narrow onUse={(text) => form.setFieldValue('answer', text)} />
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16 }} title={t('phone.todayCalls')} data-testid="phone-today">
        <Table<TPhoneCall>
          rowKey="id"
          size="small"
          loading={calls.loading}
          dataSource={calls.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: calls.error ? calls.error.message : t('phone.noCalls') }}
          columns={[
            { title: t('phone.time'), dataIndex: 'createdAt', width: 80, render: (v: string) => formatTime(v) },
            { title: t('phone.callerName'), dataIndex: 'callerName', width: 100 },
            { title: t('phone.phone'), dataIndex: 'phone', width: 130 },
            {
              title: t('phone.type'),
              dataIndex: 'typeLabel',
              width: 80,
              render: (l: TPhoneCall['typeLabel']) => pick(l, lang),
            },
            { title: t('phone.content'), dataIndex: 'content', ellipsis: true },
            {
              title: t('phone.status'),
              dataIndex: 'status',
              width: 110,
              render: (s: TPhoneCall['status'], c) => (
                <Tag color={CALL_STATUS_COLORS[s]}>{pick(c.statusLabel, lang)}</Tag>
              ),
            },
            {
              title: t('common.actions'),
              key: 'a',
              width: 190,
              render: (_: unknown, c) =>
                c.status === 'open' ? (
                  <Space size={0} wrap>
                    <Button type="link" size="small" onClick={() => setAnswering(c)}>
                      {t('phone.answerTitle')}
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setTransfer({ callId: c.id, departmentId: matterOwner(c.matter?.id) })}
                    >
                      {t('phone.transfer')}
                    </Button>
                  </Space>
                ) : c.formId ? (
                  <Button type="link" size="small" onClick={() => printForm(c.formId!)}>
                    {t('phone.print')} {c.formNumber}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <DepartmentModal
        open={!!transfer}
        title={t('phone.transferTitle')}
        okText={t('phone.transfer')}
        initial={transfer?.departmentId}
        onCancel={() => setTransfer(null)}
        onSubmit={doTransfer}
      />
      <AnswerModal call={answering} onClose={() => setAnswering(null)} onDone={calls.reload} />
    </>
  );
}

/** Records the answer given to an open call (it is then answered on the spot). */
function AnswerModal({ call, onClose, onDone }: { call: TPhoneCall | null; onClose(): void; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const [error, setError] = useState<string>();
  return (
    <Modal
      open={!!call}
      title={t('phone.answerTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ answer }) => {
          try {
            await api.post(`/api/phone/calls/${call!.id}/answer`, { answer });
            message.success(t('phone.answered'));
            form.resetFields();
            onClose();
            onDone();
          } catch (e) {
            setError(errorText(e, t('common.failed')));
          }
        }}
      >
        <Form.Item
          name="answer"
          label={t('phone.answer')}
          rules={[{ required: true, whitespace: true, message: t('phone.answerRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Modal>
  );
}
