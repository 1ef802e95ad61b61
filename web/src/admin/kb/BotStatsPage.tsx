import { useMemo, useState } from 'react';
import { Card, Col, Progress, Row, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLang, useT } from '../../i18n/index.js';
import { formatDate, formatDateTime } from '../../shared/format.js';
import { useApiQuery } from '../../api/query.js';
import { useSession } from '../../shared/session.js';
import { PageHeader } from '../PageHeader.js';
import { percent } from './EntryList.js';
import type { TBotStats } from '../../../../src/contracts/bot.js';
import {
  RATING_LABELS,
  RATING_LEVELS,
  RESOLUTION_DEFINITIONS,
  type RatingLevel,
} from '../../../../src/contracts/enums/bot.js';
import { KB_STATUS_LABELS } from '../../../../src/contracts/enums/knowledge.js';
import type { TBriefEntry } from '../../../../src/contracts/knowledge.js';
import { KB_STATUS_COLORS } from '../../shared/statusColors.js';

const TARGET = 0.5;

/** 小申统计: volumes, the resolution rate against the city's 50% target, ratings, and entries that need work. */
export default function BotStatsPage() {
  const t = useT();
  const { lang } = useLang();
  const { can } = useSession();
  const [days, setDays] = useState(30);
  const from = useMemo(() => new Date(Date.now() - days * 86_400_000).toISOString(), [days]);
  const stats = useApiQuery<TBotStats>('/api/bot/stats', { from });
  const failing = useApiQuery<{ items: TBriefEntry[] }>('/api/kb/stats/failing', undefined, {
    enabled: can('knowledge.stats'),
  });
  const stale = useApiQuery<{ items: TBriefEntry[] }>('/api/kb/stats/stale', undefined, {
    enabled: can('knowledge.stats'),
  });
  const s = stats.data;
  const rated = s ? Object.values(s.ratings).reduce((a, b) => a + b, 0) : 0;
  const rate = s?.confirmedRate ?? null;
  const inferred = s?.inferredRate ?? null;
  const entryCols = [
    { title: t('kb.code'), dataIndex: 'code', width: 100 },
    {
      title: t('kb.question'),
      dataIndex: 'question',
      render: (q: string, e: TBriefEntry) => <Link to={`/admin/kb/${e.id}`}>{q}</Link>,
    },
    { title: t('kb.department'), dataIndex: 'departmentName', width: 120 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: TBriefEntry['status']) => <Tag color={KB_STATUS_COLORS[v]}>{KB_STATUS_LABELS[v]?.[lang] ?? v}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('stats.title')}
        description={t('stats.description')}
        extra={
          <Segmented
            aria-label={t('stats.range')}
            value={days}
            onChange={(v) => setDays(Number(v))}
            options={[
              { value: 7, label: t('stats.days', { n: 7 }) },
              { value: 30, label: t('stats.days', { n: 30 }) },
              { value: 90, label: t('stats.days', { n: 90 }) },
            ]}
          />
        }
      />
      {stats.error && <Typography.Text type="danger">{stats.error.message}</Typography.Text>}
      {s && (
        <>
          <Typography.Paragraph type="secondary">
            {t('stats.period', { from: formatDate(s.from, lang), to: formatDate(s.to, lang) })}
          </Typography.Paragraph>
          <Row gutter={[16, 16]} data-testid="bot-stats">
            {(
              [
                ['confirmed', rate, s.confirmedSessions, 'stats.resolutionHelp'],
                ['inferred', inferred, s.inferredSessions, 'stats.inferredHelp'],
              ] as const
            ).map(([kind, r, n, help]) => (
              <Col key={kind} xs={24} md={12} xl={6}>
                <Card title={RESOLUTION_DEFINITIONS[kind].label[lang]} data-testid={`resolution-${kind}`}>
                  <Progress
                    aria-label={RESOLUTION_DEFINITIONS[kind].label[lang]}
                    type="dashboard"
                    percent={r === null ? 0 : Math.round(r * 100)}
                    status={r !== null && r >= TARGET ? 'success' : 'normal'}
                    format={() => percent(r)}
                  />
                  <Typography.Paragraph>
                    {t('stats.target')}{' '}
                    {r === null ? (
                      t('stats.noData')
                    ) : r >= TARGET ? (
                      <Tag color="success">{t('stats.reached')}</Tag>
                    ) : (
                      <Tag color="warning">{t('stats.notReached')}</Tag>
                    )}
                  </Typography.Paragraph>
                  <Typography.Paragraph style={{ marginBottom: 8 }}>
                    {t(help, { r: n, n: s.sessions })}
                  </Typography.Paragraph>
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {t('stats.definition')}
                    {RESOLUTION_DEFINITIONS[kind].definition[lang]}
                  </Typography.Paragraph>
                </Card>
              </Col>
            ))}
            <Col xs={24} xl={12}>
              <Card title={t('stats.volumes')}>
                <Row gutter={[16, 16]}>
                  {(
                    [
                      ['sessions', s.sessions],
                      ['questions', s.questions],
                      ['answered', s.answered],
                      ['suggested', s.suggested],
                      ['noMatch', s.noMatch],
                      ['suggestionsOpened', s.suggestionsOpened],
                      ['noneOfThese', s.noneOfThese],
                      ['humanRequests', s.humanRequests],
                      ['outOfScope', s.outOfScope],
                      ['solvedFeedback', s.solvedFeedback],
                      ['unsolvedFeedback', s.unsolvedFeedback],
                    ] as const
                  ).map(([k, v]) => (
                    <Col key={k} xs={12} md={6}>
                      <Statistic title={t(`stats.${k}`)} value={v} />
                    </Col>
                  ))}
                </Row>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('stats.topUnanswered')} data-testid="top-unanswered">
                <Typography.Paragraph type="secondary">{t('stats.topUnansweredHelp')}</Typography.Paragraph>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="question"
                  dataSource={s.topUnanswered}
                  locale={{ emptyText: t('stats.noUnanswered') }}
                  columns={[
                    { title: t('inbox.question'), dataIndex: 'question' },
                    { title: t('stats.count'), dataIndex: 'count', width: 80 },
                  ]}
                />
                {can('bot.readInbox') && <Link to="/admin/bot-inbox">{t('inbox.title')}</Link>}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('stats.ratings', { n: rated })}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="level"
                  dataSource={RATING_LEVELS.map((l) => ({ level: l, n: s.ratings[String(l)] ?? 0 }))}
                  columns={[
                    { title: t('stats.level'), dataIndex: 'level', render: (l: RatingLevel) => RATING_LABELS[l][lang] },
                    { title: t('stats.count'), dataIndex: 'n', width: 100 },
                    {
                      title: t('stats.share'),
                      key: 's',
                      render: (_, r) => (
                        <Progress
                          aria-label={`${RATING_LABELS[r.level][lang]} ${t('stats.share')}`}
                          percent={rated ? Math.round((r.n / rated) * 100) : 0}
                          size="small"
                          strokeColor={r.level <= 2 ? '#cf1322' : undefined}
                        />
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
      {can('knowledge.stats') && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xxl={12}>
            <Card title={t('stats.failing')}>
              <Typography.Paragraph type="secondary">{t('stats.failingHelp')}</Typography.Paragraph>
              <Table<TBriefEntry>
                rowKey="id"
                size="small"
                loading={failing.loading}
                dataSource={failing.data?.items ?? []}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 600 }}
                locale={{ emptyText: t('stats.noFailing') }}
                columns={[
                  ...entryCols,
                  {
                    title: t('kb.solveRate'),
                    key: 'r',
                    width: 120,
                    render: (_: unknown, e: TBriefEntry) =>
                      `${percent(e.stats.solveRate)}（${e.stats.solved}/${e.stats.solved + e.stats.unsolved}）`,
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xxl={12}>
            <Card title={t('stats.stale')}>
              <Typography.Paragraph type="secondary">{t('stats.staleHelp')}</Typography.Paragraph>
              <Table<TBriefEntry>
                rowKey="id"
                size="small"
                loading={stale.loading}
                dataSource={stale.data?.items ?? []}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 600 }}
                locale={{ emptyText: t('stats.noStale') }}
                columns={[
                  ...entryCols,
                  {
                    title: t('kb.lastReviewed'),
                    key: 'l',
                    width: 150,
                    render: (_: unknown, e: TBriefEntry) => formatDateTime(e.stats.lastReviewedAt, lang) || '—',
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
