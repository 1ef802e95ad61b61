import { useEffect } from 'react';
import { Alert, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { request } from '../../api/client.js';
import { useApiQuery } from '../../api/query.js';
import { useT } from '../../i18n/index.js';
import { useSubmit } from '../useSubmit.js';

interface Limit {
  maxChatsPerAgent: number;
}

/** 每人同时接待上限: how many conversations routing gives one agent at once (supervisor and administrator). */
export function ChatLimitCard() {
  const t = useT();
  const [form] = Form.useForm<Limit>();
  const current = useApiQuery<Limit>('/api/chat/settings');
  const { busy, error, run } = useSubmit(form);
  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data);
  }, [current.data, form]);
  const save = (v: Limit) =>
    run(
      () => request<Limit>('PUT', '/api/chat/settings', { maxChatsPerAgent: v.maxChatsPerAgent }),
      (r) => t('wall.limitSaved', { n: r.maxChatsPerAgent }),
    );
  return (
    <Card size="small" title={t('wall.limitTitle')} style={{ marginTop: 16 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('wall.limitHelp')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => void save(v)} data-testid="chat-limit-form">
        <Space wrap>
          <Form.Item
            name="maxChatsPerAgent"
            label={t('wall.limitLabel')}
            rules={[{ required: true, type: 'integer', min: 1, max: 50, message: t('wall.limitRange') }]}
          >
            <InputNumber min={1} max={50} precision={0} aria-label={t('wall.limitLabel')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
