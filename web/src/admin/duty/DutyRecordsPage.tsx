import { useState } from 'react';
import { App, Button, Card, Col, Popconfirm, Row, Segmented, Table, Tag, Typography } from 'antd';
import { api, errorText } from '../../api/client.js';
import { useApiQuery } from '../../api/query.js';
import { useLang, useT } from '../../i18n/index.js';
import { PageHeader } from '../PageHeader.js';
import { formatPlainDate, formatTime } from '../../shared/format.js';
import { useSession } from '../../shared/session.js';
import { DUTY_REASON_LABELS } from '../../../../src/contracts/enums/duty.js';
import type { TDutyRecord, TDutyRecords, TDutyStaff } from '../../../../src/contracts/duty.js';

const staffLabel = (s: TDutyStaff) => (s.workNumber ? `${s.displayName}（${s.workNumber}）` : s.displayName);

/** 签到记录: sign-in and sign-out times with minutes late / early, who never signed in, who is on duty now. */
export default function DutyRecordsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const { can } = useSession();
  const [period, setPeriod] = useState<'today' | 'month'>('today');
  // the server's today and month, not the browser's clock
  const records = useApiQuery<TDutyRecords>('/api/duty/records', { period }, { refreshMs: 60_000 });
  const minutes = (n: number | null, color: string) =>
    n === null ? null : n > 0 ? (
      <Tag color={color}>{t('duty.minutes', { n })}</Tag>
    ) : (
      <Tag color="success">{t('duty.onTime')}</Tag>
    );

  const signOut = async (s: TDutyStaff) => {
    try {
      await api.post(`/api/duty/users/${s.userId}/sign-out`, {});
      message.success(t('duty.signedOut'));
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
    records.reload();
  };

  return (
    <>
      <PageHeader
        title={t('duty.recordsTitle')}
        description={t('duty.recordsDescription')}
        extra={
          <Segmented
            aria-label={t('duty.period')}
            value={period}
            onChange={(v) => setPeriod(v as 'today' | 'month')}
            options={[
              { value: 'today', label: t('duty.today') },
              { value: 'month', label: t('duty.thisMonth') },
            ]}
          />
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('duty.onDutyTitle')} data-testid="on-duty">
            {records.data?.onDuty.length ? (
              records.data.onDuty.map((s) => (
                <div key={s.userId} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                  <span>
                    {staffLabel(s)} · {t('duty.since', { time: formatTime(s.since) })}
                  </span>
                  {can('duty.signOutOthers') && (
                    <Popconfirm
                      title={t('duty.confirmForceSignOut', { name: s.displayName })}
                      onConfirm={() => signOut(s)}
                    >
                      <Button type="link">{t('duty.forceSignOut')}</Button>
                    </Popconfirm>
                  )}
                </div>
              ))
            ) : (
              <Typography.Text type="secondary">{t('duty.nobodyOnDuty')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('duty.absentTitle')} data-testid="absent">
            {records.data?.absent.map((s) => (
              <Tag key={`${s.date}-${s.userId}`} color="error">
                {period === 'month' ? `${s.date.slice(5)} ` : ''}
                {staffLabel(s)}
              </Tag>
            ))}
          </Card>
        </Col>
      </Row>
      <Table<TDutyRecord>
        rowKey="id"
        loading={records.loading}
        dataSource={records.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={records.error ? { emptyText: records.error.message } : undefined}
        data-testid="duty-records"
        columns={[
          { title: t('duty.date'), dataIndex: 'date', width: 150, render: (d: string) => formatPlainDate(d, lang) },
          { title: t('duty.name'), key: 'name', render: (_, r) => staffLabel(r) },
          { title: t('duty.department'), dataIndex: 'departmentName', width: 140 },
          { title: t('duty.signedInAt'), dataIndex: 'signedInAt', width: 100, render: (v: string) => formatTime(v) },
          {
            title: t('duty.lateMinutes'),
            key: 'late',
            width: 110,
            render: (_, r) => (r.rostered ? minutes(r.lateMinutes, 'warning') : <Tag>{t('duty.notOnRoster')}</Tag>),
          },
          {
            title: t('duty.signedOutAt'),
            dataIndex: 'signedOutAt',
            width: 110,
            render: (v: string | null) => (v ? formatTime(v) : <Tag color="processing">{t('duty.stillOn')}</Tag>),
          },
          {
            title: t('duty.earlyMinutes'),
            key: 'early',
            width: 110,
            render: (_, r) => (r.rostered ? minutes(r.earlyMinutes, 'warning') : null),
          },
          {
            title: t('duty.reason'),
            dataIndex: 'signOutReason',
            width: 180,
            render: (v: TDutyRecord['signOutReason']) => (v ? DUTY_REASON_LABELS[v][lang] : ''),
          },
        ]}
      />
    </>
  );
}
