import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.js';
import { useT } from '../../i18n/index.js';
import { useSubmit } from '../useSubmit.js';
import type { TCalendarDay } from '../../../../src/contracts/calendar.js';

interface Fields {
  date: Dayjs;
  kind: TCalendarDay['kind'];
  name?: string;
}

/** Mark one date as a holiday (放假) or a make-up working day (调休上班). */
export function DayModal({
  day,
  year,
  onClose,
  onSaved,
}: {
  day: TCalendarDay | 'new' | null;
  year: number;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const [form] = Form.useForm<Fields>();
  const { busy, error, setError, run } = useSubmit(form);
  const isNew = day === 'new';

  useEffect(() => {
    if (!day) return;
    setError(undefined);
    form.resetFields();
    if (day !== 'new') form.setFieldsValue({ date: dayjs(day.date), kind: day.kind, name: day.name ?? undefined });
    else form.setFieldsValue({ date: dayjs(`${year}-01-01`), kind: 'holiday' });
  }, [day, year, form, setError]);

  const save = async (v: Fields) => {
    const date = v.date.format('YYYY-MM-DD');
    if (
      await run(
        () =>
          api.put<{ recomputed: number }>(`/api/calendar/days/${date}`, {
            kind: v.kind,
            ...(v.name?.trim() ? { name: v.name.trim() } : {}),
          }),
        (r) => `${t('common.saved')}${t('calendar.recomputed', { n: r.recomputed })}`,
      )
    )
      onSaved();
  };

  return (
    <Modal
      open={!!day}
      title={isNew ? t('calendar.addDay') : t('calendar.editDay')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" onFinish={save}>
        <Form.Item
          name="date"
          label={t('calendar.date')}
          rules={[{ required: true, message: t('calendar.dateRequired') }]}
        >
          <DatePicker disabled={!isNew} style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'holiday', label: t('calendar.holiday') },
              { value: 'workday', label: t('calendar.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')} extra={t('calendar.nameHint')}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
