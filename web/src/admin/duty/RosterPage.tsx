import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined, ScheduleOutlined } from '@ant-design/icons';
import { api } from '../../api/client.js';
import { useApiQuery } from '../../api/query.js';
import { useLang, useT } from '../../i18n/index.js';
import { PageHeader } from '../PageHeader.js';
import { useSubmit } from '../useSubmit.js';
import { beijingToday, formatPlainDate, weekdayName } from '../../shared/format.js';
import { PlainDatePicker } from '../../shared/PlainDatePicker.js';
import type { TDutyStaff, TRoster } from '../../../../src/contracts/duty.js';

/** YYYY-MM-DD plus n days (plain dates, no zone). */
function plus(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday on or before a date. */
function monday(date: string): string {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return plus(date, -((wd + 6) % 7));
}

interface Fields {
  from: string;
  to: string;
  weekdays?: number[];
  userIds: string[];
}

const staffLabel = (s: TDutyStaff) => (s.workNumber ? `${s.displayName}（${s.workNumber}）` : s.displayName);

/** 值班排班: who staffs live help on each working day, set per day or by weekday over a range. */
export default function RosterPage() {
  const t = useT();
  const { lang } = useLang();
  const [from, setFrom] = useState(() => monday(beijingToday().date));
  const to = plus(from, 13);
  const roster = useApiQuery<TRoster>('/api/duty/roster', { from, to });
  const [editing, setEditing] = useState<Partial<Fields> | null>(null);
  const [form] = Form.useForm<Fields>();
  const { busy, error, setError, run } = useSubmit(form);
  const options = useMemo(
    () =>
      (roster.data?.candidates ?? []).map((s) => ({
        value: s.userId,
        label: `${staffLabel(s)} · ${s.departmentName ?? ''}`,
      })),
    [roster.data],
  );

  const open = (v: Partial<Fields>) => {
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(v);
    setEditing(v);
  };
  const save = async (v: Fields) => {
    const ok = await run(
      () =>
        api.put<{ days: number }>('/api/duty/roster', {
          from: v.from,
          to: v.to,
          ...(v.weekdays?.length ? { weekdays: v.weekdays } : {}),
          userIds: v.userIds ?? [],
        }),
      (r) => t('duty.rosterSaved', { n: r.days }),
    );
    if (ok) {
      setEditing(null);
      roster.reload();
    }
  };

  return (
    <>
      <PageHeader
        title={t('duty.rosterTitle')}
        description={t('duty.rosterDescription')}
        extra={
          <Button
            type="primary"
            icon={<ScheduleOutlined aria-hidden />}
            onClick={() => open({ from, to, userIds: [] })}
          >
            {t('duty.setRoster')}
          </Button>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<LeftOutlined aria-hidden />} onClick={() => setFrom(plus(from, -7))}>
          {t('duty.prevWeek')}
        </Button>
        <Typography.Text>
          {t('duty.weekOf', { from: formatPlainDate(from, lang), to: formatPlainDate(to, lang) })}
        </Typography.Text>
        <Button onClick={() => setFrom(plus(from, 7))}>
          {t('duty.nextWeek')} <RightOutlined aria-hidden />
        </Button>
      </Space>
      <Table
        rowKey="date"
        loading={roster.loading}
        dataSource={roster.data?.days ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={roster.error ? { emptyText: roster.error.message } : undefined}
        data-testid="roster-table"
        columns={[
          {
            title: t('duty.date'),
            dataIndex: 'date',
            width: 220,
            render: (d: string) =>
              `${formatPlainDate(d, lang)} ${weekdayName(new Date(`${d}T00:00:00Z`).getUTCDay(), lang)}`,
          },
          {
            title: t('duty.staff'),
            key: 'staff',
            render: (_, day) =>
              !day.workingDay ? (
                <Tag>{t('duty.dayOff')}</Tag>
              ) : day.staff.length ? (
                day.staff.map((s) => <Tag key={s.userId}>{staffLabel(s)}</Tag>)
              ) : (
                <Typography.Text type="secondary">{t('duty.nobody')}</Typography.Text>
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_, day) =>
              day.workingDay && (
                <Button
                  type="link"
                  onClick={() => open({ from: day.date, to: day.date, userIds: day.staff.map((s) => s.userId) })}
                >
                  {t('duty.editDay')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={t('duty.setRoster')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        forceRender
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<Fields> form={form} layout="vertical" onFinish={save}>
          <Space wrap>
            <Form.Item name="from" label={t('duty.from')} rules={[{ required: true }]}>
              <PlainDatePicker />
            </Form.Item>
            <Form.Item name="to" label={t('duty.to')} rules={[{ required: true }]}>
              <PlainDatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="weekdays" label={t('duty.weekdays')} extra={t('duty.weekdaysHint')}>
            <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 0].map((w) => ({ value: w, label: weekdayName(w, lang) }))} />
          </Form.Item>
          <Form.Item name="userIds" label={t('duty.chooseStaff')}>
            <Select mode="multiple" options={options} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
