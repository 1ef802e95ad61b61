import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Row, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorText } from '../../api/client.js';
import { pick, useLang, useT } from '../../i18n/index.js';
import { useApiQuery } from '../../api/query.js';
import type { TPeriod, TServiceHours } from '../../../../src/contracts/calendar.js';
import type { Channel } from '../../../../src/contracts/enums/calendar.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const byStart = (ps: TPeriod[]) => [...ps].sort((a, b) => a.start.localeCompare(b.start));
const same = (a: TPeriod[], b: TPeriod[]) => JSON.stringify(a) === JSON.stringify(b);
/** Rows on screen carry a key of their own, so React never moves one row's inputs onto another. */
type Row = TPeriod & { key: number };
let nextKey = 0;
const rowsOf = (ps: TPeriod[]): Row[] => ps.map((p) => ({ start: p.start, end: p.end, key: nextKey++ }));
const periodsOf = (rows: Row[]): TPeriod[] => rows.map(({ start, end }) => ({ start, end }));

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
  const [rows, setRows] = useState<Row[]>(() => rowsOf(initial));
  const [busy, setBusy] = useState(false);
  // The server keeps periods in time order. After a save the rows stay in the order the user sees (the same
  // periods): a row never moves under the user's eyes, and each delete button keeps naming the period beside
  // it. A reload that brings the same periods (the other channel was saved) leaves unsaved edits alone.
  const loaded = useRef(JSON.stringify(initial));
  useEffect(() => {
    const next = JSON.stringify(initial);
    if (next === loaded.current) return;
    loaded.current = next;
    setRows((rs) => (same(byStart(periodsOf(rs)), initial) ? rs : rowsOf(initial)));
  }, [initial]);
  const periods = periodsOf(rows);
  const issue = problem(periods);
  const dirty = !same(byStart(periods), initial);
  const set = (key: number, patch: Partial<TPeriod>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const save = async () => {
    setBusy(true);
    try {
      await api.put(`/api/service-hours/${channel}`, { periods: byStart(periods) });
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
        {rows.map((p, i) => (
          <Space key={p.key} wrap data-testid={`period-${channel}`}>
            <Input
              value={p.start}
              onChange={(e) => set(p.key, { start: e.target.value.trim() })}
              style={{ width: 90 }}
              maxLength={5}
              aria-label={t('hours.start', { n: i + 1 })}
            />
            <span aria-hidden="true">–</span>
            <Input
              value={p.end}
              onChange={(e) => set(p.key, { end: e.target.value.trim() })}
              style={{ width: 90 }}
              maxLength={5}
              aria-label={t('hours.end', { n: i + 1 })}
            />
            <Button
              icon={<DeleteOutlined aria-hidden />}
              disabled={rows.length <= 1}
              onClick={() => setRows((rs) => rs.filter((r) => r.key !== p.key))}
              aria-label={
                HHMM.test(p.start) && HHMM.test(p.end)
                  ? t('hours.removeThis', { start: p.start, end: p.end })
                  : t('hours.removePeriod', { n: i + 1 })
              }
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
            disabled={rows.length >= 6}
            onClick={() => setRows((rs) => [...rs, ...rowsOf([{ start: '', end: '' }])])}
          >
            {t('hours.addPeriod')}
          </Button>
          <Button
            type="primary"
            disabled={!!issue || !dirty}
            loading={busy}
            onClick={save}
            data-testid={`hours-save-${channel}`}
          >
            {t('common.save')}
          </Button>
          {dirty && <Button onClick={() => setRows(rowsOf(initial))}>{t('common.undo')}</Button>}
        </Space>
      </Space>
    </Card>
  );
}
