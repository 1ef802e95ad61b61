import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Row, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorText } from '../../api/client.js';
import { pick, useLang, useT } from '../../i18n/index.js';
import { useApiQuery } from '../../api/query.js';
import type { TPeriod, TServiceHours } from '../../../../src/contracts/calendar.js';
import type { Channel } from '../../../../src/contracts/enums/calendar.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function problem(periods: TPeriod[]): 'format' | 'order' | 'overlap' | null {
  if (periods.some((p) => !HHMM.test(p.start) || !HHMM.test(p.end))) return 'format';
  if (periods.some((p) => p.start >= p.end)) return 'order';
  const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  return sorted.some((p, i) => i > 0 && p.start < sorted[i - 1].end) ? 'overlap' : null;
}

/** The opening periods of each help channel on working days (24-hour Beijing time). */
export function ServiceHoursEditor() {
  const t = useT();
  const hours = useApiQuery<TServiceHours>('/api/service-hours');
  if (hours.error) return <Alert type="error" showIcon title={hours.error.message} />;
  return (
    <Row gutter={[16, 16]}>
      {(hours.data?.items ?? []).map((c) => (
        <Col key={c.channel} xs={24} lg={12}>
          <ChannelHours channel={c.channel} label={c.label} initial={c.periods} onSaved={hours.reload} />
        </Col>
      ))}
      <Col span={24}>
        <Typography.Paragraph type="secondary">{t('hours.note')}</Typography.Paragraph>
      </Col>
    </Row>
  );
}

function ChannelHours({
  channel,
  label,
  initial,
  onSaved,
}: {
  channel: Channel;
  label: { zh: string; en: string };
  initial: TPeriod[];
  onSaved(): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [periods, setPeriods] = useState<TPeriod[]>(initial);
  const [busy, setBusy] = useState(false);
  useEffect(() => setPeriods(initial), [initial]);
  const issue = problem(periods);
  const dirty = JSON.stringify(periods) !== JSON.stringify(initial);
  const set = (i: number, patch: Partial<TPeriod>) =>
    setPeriods((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  const save = async () => {
    setBusy(true);
    try {
      await api.put(`/api/service-hours/${channel}`, {
        periods: [...periods].sort((a, b) => a.start.localeCompare(b.start)),
      });
      message.success(t('hours.saved', { channel: pick(label, lang) }));
      onSaved();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{pick(label, lang)}</h2>} size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {periods.map((p, i) => (
          <Space key={i} wrap>
            <Input
              value={p.start}
              onChange={(e) => set(i, { start: e.target.value.trim() })}
              style={{ width: 90 }}
              maxLength={5}
              aria-label={t('hours.start', { n: i + 1 })}
            />
            <span aria-hidden="true">–</span>
            <Input
              value={p.end}
              onChange={(e) => set(i, { end: e.target.value.trim() })}
              style={{ width: 90 }}
              maxLength={5}
              aria-label={t('hours.end', { n: i + 1 })}
            />
            <Button
              icon={<DeleteOutlined aria-hidden />}
              disabled={periods.length <= 1}
              onClick={() => setPeriods((ps) => ps.filter((_, j) => j !== i))}
              aria-label={t('hours.removePeriod', { n: i + 1 })}
            />
          </Space>
        ))}
        {issue && (
          <Alert
            type="error"
            showIcon
            title={t(
              issue === 'format' ? 'hours.errFormat' : issue === 'order' ? 'hours.errOrder' : 'hours.errOverlap',
            )}
          />
        )}
        <Space wrap>
          <Button
            icon={<PlusOutlined aria-hidden />}
            disabled={periods.length >= 6}
            onClick={() => setPeriods((ps) => [...ps, { start: '', end: '' }])}
          >
            {t('hours.addPeriod')}
          </Button>
          <Button type="primary" disabled={!!issue || !dirty} loading={busy} onClick={save}>
            {t('common.save')}
          </Button>
          {dirty && <Button onClick={() => setPeriods(initial)}>{t('common.undo')}</Button>}
        </Space>
      </Space>
    </Card>
  );
}
