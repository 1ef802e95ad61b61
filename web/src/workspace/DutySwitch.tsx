import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { api, errorText } from '../api/client.js';
import { useApiQuery } from '../api/query.js';
import { pick, useLang, useT } from '../i18n/index.js';
import { formatTime } from '../shared/format.js';
import { formatPeriods } from '../shared/hours.js';
import type { TDutyMe } from '../../../src/contracts/duty.js';

/**
 * The agent's live-help duty switch (seed art. 7 按时签录、签出): on or off duty, today's hours
 * and roster, and the sign-in / sign-out button, disabled outside hours with the reason.
 * Reusable: the chat workspace places it where it fits (`compact` = one line, no card).
 */
export function DutySwitch({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const me = useApiQuery<TDutyMe>('/api/duty/me', undefined, { refreshMs: 60_000 });
  const [busy, setBusy] = useState(false);
  const d = me.data;

  const act = async (to: 'sign-in' | 'sign-out') => {
    setBusy(true);
    try {
      await api.post(`/api/duty/${to}`, {});
      message.success(t(to === 'sign-in' ? 'duty.signedIn' : 'duty.signedOut'));
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
      me.reload();
    }
  };

  if (!d) return me.error ? <Alert type="error" showIcon title={errorText(me.error, t('common.failed'))} /> : null;
  const on = d.status === 'on';
  const status = (
    <Space wrap size={4}>
      <Tag color={on ? 'success' : 'default'} data-testid="duty-status">
        {t(on ? 'duty.on' : 'duty.off')}
      </Tag>
      {on && d.since && (
        <Typography.Text type="secondary">{t('duty.since', { time: formatTime(d.since) })}</Typography.Text>
      )}
      {on && d.lateMinutes > 0 && <Tag color="warning">{t('duty.late', { n: d.lateMinutes })}</Tag>}
    </Space>
  );
  const button = on ? (
    <Popconfirm
      title={t('duty.confirmSignOut')}
      onConfirm={() => act('sign-out')}
      okText={t('duty.signOut')}
      cancelText={t('common.cancel')}
    >
      <Button icon={<LogoutOutlined aria-hidden />} loading={busy} data-testid="duty-sign-out">
        {t('duty.signOut')}
      </Button>
    </Popconfirm>
  ) : (
    <Button
      type="primary"
      icon={<LoginOutlined aria-hidden />}
      loading={busy}
      disabled={!d.canSignIn}
      onClick={() => act('sign-in')}
      data-testid="duty-sign-in"
      aria-describedby={d.reason ? 'duty-reason' : undefined}
    >
      {t('duty.signIn')}
    </Button>
  );
  const reason = !on && d.reason && (
    <Typography.Text type="secondary" id="duty-reason" data-testid="duty-reason">
      {pick(d.reason, lang)}
    </Typography.Text>
  );

  if (compact)
    return (
      <Space wrap size={8} data-testid="duty-switch">
        {status}
        {button}
        {reason}
      </Space>
    );
  return (
    <Card title={t('duty.switchTitle')} size="small" extra={button} data-testid="duty-switch">
      <Space orientation="vertical" size={4}>
        {status}
        <Typography.Text>
          {d.workingDay ? t('duty.hoursToday', { hours: formatPeriods(d.hours, lang) }) : t('duty.notWorkingDay')}
        </Typography.Text>
        <Typography.Text type="secondary">{t(d.rosteredToday ? 'duty.rostered' : 'duty.notRostered')}</Typography.Text>
        {reason}
      </Space>
    </Card>
  );
}
