import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorText } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { formatDateTime, weekdayName } from '../../shared/format.js';
import type { Channel } from '../../../../src/contracts/enums/calendar.js';

interface Fields {
  from: Dayjs;
  mode: 'days' | 'minutes';
  amount: number;
  channel: Channel;
}

/** Weekday of an instant in Beijing. */
const beijingWeekday = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).getUTCDay();

/** "If it starts now and is due in N working days (or minutes of service time), when is it due?" */
export function DeadlineCalculator() {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Fields>();
  const mode = Form.useWatch('mode', form);
  const [result, setResult] = useState<{ from: string; due: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const compute = async (v: Fields) => {
    setBusy(true);
    setError(undefined);
    // The picked wall-clock time is Beijing time, whatever the browser's own zone.
    const from = `${v.from.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
    try {
      setResult(
        await api.get<{ from: string; due: string }>(
          '/api/calendar/deadline',
          v.mode === 'days' ? { from, workingDays: v.amount } : { from, workingMinutes: v.amount, channel: v.channel },
        ),
      );
    } catch (e) {
      setResult(undefined);
      setError(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('deadline.help')}</Typography.Paragraph>
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={compute}
        initialValues={{ from: dayjs(), mode: 'days', amount: 5, channel: 'live_help' }}
      >
        <Form.Item
          name="from"
          label={t('deadline.from')}
          rules={[{ required: true, message: t('deadline.fromRequired') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="mode" label={t('deadline.mode')}>
          <Radio.Group
            options={[
              { value: 'days', label: t('deadline.days') },
              { value: 'minutes', label: t('deadline.minutes') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={mode === 'minutes' ? t('deadline.amountMinutes') : t('deadline.amountDays')}
          rules={[{ required: true, message: t('deadline.amountRequired') }]}
        >
          <InputNumber
            // no step buttons: antd names them "Increase Value" in any language; the arrow keys still step
            controls={false}
            min={0}
            max={mode === 'minutes' ? 43200 : 60}
            style={{ width: 160 }}
          />
        </Form.Item>
        {mode === 'minutes' && (
          <Form.Item name="channel" label={t('deadline.channel')}>
            <Select
              style={{ width: 240 }}
              options={[
                { value: 'live_help', label: t('deadline.channelLive') },
                { value: 'offline_hall', label: t('deadline.channelHall') },
              ]}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('deadline.compute')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      {result && (
        <Alert
          type="success"
          style={{ marginTop: 16 }}
          role="status"
          data-testid="deadline-result"
          title={t('deadline.due', {
            due: `${formatDateTime(result.due, lang)}（${weekdayName(beijingWeekday(result.due), lang)}）`,
          })}
          description={t('deadline.fromWas', { from: formatDateTime(result.from, lang) })}
        />
      )}
    </Card>
  );
}
