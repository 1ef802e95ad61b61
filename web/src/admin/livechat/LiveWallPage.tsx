import { Alert, Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/index.js';
import { formatTime } from '../../shared/format.js';
import { ROLE_LABELS } from '../../../../src/contracts/enums/org.js';
import { useLang } from '../../i18n/index.js';
import { useApiQuery, invalidatePaths } from '../../api/query.js';
import { useLiveEvents } from '../../api/live.js';
import { useDepartments } from '../../shared/useDepartments.js';
import { PageHeader } from '../PageHeader.js';
import { useSession } from '../../shared/session.js';
import { ChatLimitCard } from './ChatLimitCard.js';
import type { TChatWall } from '../../../../src/contracts/livechat.js';

const seconds = (s: number | null, t: ReturnType<typeof useT>) =>
  s == null ? '—' : s < 60 ? t('wall.seconds', { s }) : t('wall.minutes', { m: Math.floor(s / 60), s: s % 60 });

/** 在线咨询监控: waiting citizens, the longest wait, agents on duty and their load, today's first-response compliance and breaches. */
export default function LiveWallPage() {
  const t = useT();
  const { lang } = useLang();
  const departments = useDepartments();
  const { can } = useSession();
  const wall = useApiQuery<TChatWall>('/api/chat/wall', undefined, { refreshMs: 5000 });
  // every live-help event (joined, assigned, answered, breached …) refreshes it at once
  useLiveEvents(['livechat.', 'duty.'], () => void invalidatePaths(['/api/chat/wall']));
  const w = wall.data;
  const rate = w?.today.firstResponseRate;
  return (
    <>
      <PageHeader title={t('wall.title')} description={t('wall.description')} />
      {wall.error && <Alert type="error" showIcon title={wall.error.message} style={{ marginBottom: 12 }} />}
      {w && (
        <div data-testid="live-wall">
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('wall.waiting')} value={w.waiting} data-testid="wall-waiting" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('wall.longestWait')}
                  value={seconds(w.longestWaitSeconds, t)}
                  valueStyle={
                    w.longestWaitSeconds != null && w.longestWaitSeconds >= 60 ? { color: '#cf1322' } : undefined
                  }
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('wall.rate')}
                  value={rate == null ? '—' : `${Math.round(rate * 1000) / 10}%`}
                  data-testid="wall-rate"
                />
                <Typography.Text type="secondary">
                  {t('wall.rateDetail', { ok: w.today.answeredWithinMinute, n: w.today.conversations })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('wall.breaches')}
                  value={w.today.breaches}
                  valueStyle={w.today.breaches ? { color: '#cf1322' } : undefined}
                  data-testid="wall-breaches"
                />
                <Typography.Text type="secondary">
                  {t('wall.todayDetail', { transferred: w.today.transferred, closed: w.today.closed })}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('wall.agents', { n: w.agents.length })}>
                <Table
                  size="small"
                  rowKey="userId"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={w.agents}
                  data-testid="wall-agents"
                  locale={{ emptyText: <Empty description={t('wall.noAgents')} /> }}
                  columns={[
                    {
                      title: t('wall.agent'),
                      render: (_, a) => (
                        <>
                          {a.displayName}
                          {a.workNumber && <Typography.Text type="secondary"> · {a.workNumber}</Typography.Text>}
                        </>
                      ),
                    },
                    { title: t('wall.role'), render: (_, a) => ROLE_LABELS[a.role][lang] },
                    { title: t('wall.department'), render: (_, a) => departments.nameOf(a.departmentId) || '—' },
                    {
                      title: t('wall.load'),
                      dataIndex: 'openChats',
                      render: (n: number) => <Tag color={n ? 'blue' : 'default'}>{t('wall.openChats', { n })}</Tag>,
                    },
                    { title: t('wall.signedIn'), render: (_, a) => (a.signedInAt ? formatTime(a.signedInAt) : '—') },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('wall.breachList')}>
                <Table
                  size="small"
                  rowKey="conversationId"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={w.breaches}
                  data-testid="wall-breach-list"
                  locale={{ emptyText: <Empty description={t('wall.noBreaches')} /> }}
                  columns={[
                    { title: t('wall.number'), dataIndex: 'number' },
                    { title: t('wall.agent'), render: (_, b) => b.agent?.displayName ?? '—' },
                    { title: t('wall.at'), render: (_, b) => formatTime(b.at) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </div>
      )}
      {can('livechat.configure') && <ChatLimitCard />}
    </>
  );
}
