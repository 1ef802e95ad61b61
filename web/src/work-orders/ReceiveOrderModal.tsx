import { useState } from 'react';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { api, errorText } from '../api/client.js';
import { useLang, useT } from '../i18n/index.js';
import type { TWorkOrderReceipt } from '../../../src/contracts/work-orders.js';
import { WORK_ORDER_SOURCE_LABELS, WORK_ORDER_TYPE_LABELS } from '../../../src/contracts/enums/work-orders.js';

/** The hotline office's intake form (a 12345 order typed in, a bot message taken over …). */
export function ReceiveOrderModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(): void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (v: Record<string, string>) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x));
      const r = await api.post<TWorkOrderReceipt>('/api/work-orders', body);
      message.success(t('orders.received', { number: r.number }));
      form.resetFields();
      onClose();
      onDone();
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };
  const req = [{ required: true, min: 2, whitespace: true, message: t('report.required') }];
  return (
    <Modal
      open={open}
      title={t('orders.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ source: 'hotline_12345', type: 'consultation' }}
      >
        <Form.Item name="source" label={t('orders.source')}>
          <Select
            options={(['hotline_12345', 'bot_message'] as const).map((s) => ({
              value: s,
              label: WORK_ORDER_SOURCE_LABELS[s][lang],
            }))}
          />
        </Form.Item>
        <Form.Item name="externalNo" label={t('orders.externalNo')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="type" label={t('orders.type')}>
          <Select
            options={(Object.keys(WORK_ORDER_TYPE_LABELS) as (keyof typeof WORK_ORDER_TYPE_LABELS)[]).map((k) => ({
              value: k,
              label: WORK_ORDER_TYPE_LABELS[k][lang],
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('orders.titleCol')} rules={req}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label={t('orders.content')} rules={req}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="citizenName" label={t('orders.citizen')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="citizenPhone" label={t('orders.phone')}>
          <Input maxLength={20} inputMode="tel" />
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
