import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, errorText } from '../api/client.js';
import { useT } from '../i18n/index.js';
import { PageHeader } from '../admin/PageHeader.js';
import { useDepartments } from '../shared/useDepartments.js';
import type { TWorkOrderReceipt } from '../../../src/contracts/work-orders.js';

interface Values {
  reporterName: string;
  phone: string;
  reportedAt: Dayjs;
  matter?: string;
  problem: string;
  suggestedDepartmentId?: string;
}

/** 《“办不成事”反映窗口处理记录单》 (annex 6): filled at the window, handed to the hotline office. */
export default function WindowRecordPage() {
  const t = useT();
  const depts = useDepartments();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.post<TWorkOrderReceipt>('/api/work-orders/window-records', {
        ...v,
        reportedAt: v.reportedAt.toDate().toISOString(),
      });
      setDone(r.number);
      form.resetFields();
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };
  const req = [{ required: true, whitespace: true, message: t('report.required') }];
  return (
    <>
      <PageHeader title={t('window.title')} description={t('window.description')} />
      <Card style={{ maxWidth: 640 }}>
        {done && (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('window.done', { number: done })} />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ reportedAt: dayjs() }}>
          <Form.Item name="reporterName" label={t('window.reporter')} rules={req}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="phone" label={t('orders.phone')} rules={req}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
          <Form.Item name="reportedAt" label={t('window.reportedAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="matter" label={t('window.matter')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="problem" label={t('window.problem')} rules={req}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="suggestedDepartmentId" label={t('window.suggested')}>
            <Select allowClear options={depts.options} />
          </Form.Item>
          {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error} role="alert" />}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('window.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
