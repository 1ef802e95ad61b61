import { useState } from 'react';
import { Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { api, errorText } from '../api/client.js';
import { useLang, useT, type MessageKey } from '../i18n/index.js';
import { useDepartments } from '../shared/useDepartments.js';
import type { TOrderMoved, TWorkOrder } from '../../../src/contracts/work-orders.js';
import { RATING_LABELS } from '../../../src/contracts/enums/bot.js';
import type { WorkOrderAction } from '../../../src/contracts/enums/work-orders.js';

export type OrderAction = WorkOrderAction;

/** The API path of each move. */
const PATH: Record<OrderAction, string> = {
  dispatch: 'dispatch',
  accept: 'accept',
  return: 'return',
  request_extension: 'extension',
  approve_extension: 'extension/approve',
  refuse_extension: 'extension/refuse',
  reply: 'reply',
  call_back: 'callback',
  reopen: 'reopen',
  close: 'close',
};

type Values = Record<string, unknown>;

/** One dialog for every move of an order, with the fields that move needs (派单、答复、回访 …). */
export function ActionDialog({
  order,
  action,
  onClose,
  onDone,
}: {
  order: TWorkOrder;
  action: OrderAction | null;
  onClose(): void;
  /** `left`: the order is no longer readable by this user (a department returned it) */
  onDone(left: boolean): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const depts = useDepartments();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (v: Values) => {
    if (!action) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.post<TOrderMoved>(`/api/work-orders/${order.id}/${PATH[action]}`, v);
      form.resetFields();
      onDone('left' in r);
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };
  const reason = (
    <Form.Item
      name="reason"
      label={t('orders.reason')}
      rules={[{ required: true, min: 2, whitespace: true, message: t('orders.reasonRequired') }]}
    >
      <Input.TextArea rows={3} maxLength={1000} />
    </Form.Item>
  );
  const resolved = Form.useWatch('resolved', form);
  return (
    <Modal
      open={!!action}
      title={action ? `${t(`orders.action.${action}` as MessageKey)} · ${order.number}` : ''}
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
        initialValues={{ resolved: true, days: 15, coDepartmentIds: [] }}
      >
        {action === 'dispatch' && (
          <>
            <Form.Item
              name="departmentId"
              label={t('orders.department')}
              rules={[{ required: true, message: t('orders.departmentRequired') }]}
            >
              <Select options={depts.options} showSearch optionFilterProp="label" />
            </Form.Item>
            <Form.Item name="coDepartmentIds" label={t('orders.coDepartments')}>
              <Select mode="multiple" options={depts.options} optionFilterProp="label" />
            </Form.Item>
            <Form.Item name="note" label={t('orders.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {(action === 'return' || action === 'refuse_extension' || action === 'reopen') && reason}
        {action === 'request_extension' && (
          <>
            <Form.Item name="days" label={t('orders.extensionDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
            {reason}
          </>
        )}
        {action === 'reply' && (
          <>
            <Form.Item
              name="reply"
              label={t('orders.reply')}
              rules={[{ required: true, min: 2, whitespace: true, message: t('orders.replyRequired') }]}
            >
              <Input.TextArea rows={4} maxLength={4000} showCount />
            </Form.Item>
            <Form.Item name="resolved" label={t('orders.resolved')}>
              <Radio.Group
                options={[
                  { value: true, label: t('common.yes') },
                  { value: false, label: t('common.no') },
                ]}
              />
            </Form.Item>
            {resolved === false && (
              <Form.Item name="unresolvedReason" label={t('orders.unresolvedReason')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            )}
            <Form.Item name="handlerPhone" label={t('orders.handlerPhone')}>
              <Input maxLength={30} />
            </Form.Item>
          </>
        )}
        {action === 'call_back' && (
          <>
            <Form.Item
              name="satisfaction"
              label={t('orders.satisfaction')}
              rules={[{ required: true, message: t('orders.satisfaction') }]}
            >
              <Radio.Group
                options={([5, 4, 3, 2, 1] as const).map((l) => ({ value: l, label: RATING_LABELS[l][lang] }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('orders.callbackNote')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {error && (
          <Typography.Text type="danger" role="alert">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
