import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { pick, useLang, useT } from '../i18n/index.js';
import { formatPlainDate, weekdayName } from '../shared/format.js';
import { formatOpening, formatPeriods } from '../shared/hours.js';
import { RoleTags } from '../shared/RoleTags.js';
import { useSession } from '../shared/session.js';
import { useApiQuery } from '../api/query.js';
import { useTodayKind } from '../shared/useTodayKind.js';
import { DutySwitch } from './DutySwitch.js';
import { ReferenceMatters } from './ReferenceMatters.js';
import { MyWork } from '../notifications/MyWork.js';
import type { TServiceStatus } from '../../../src/contracts/calendar.js';

/** The agent's start page: who they are, today, whether live help is open, and the matters they answer about. */
export default function WorkspaceHome() {
  const t = useT();
  const { lang } = useLang();
  const { me } = useSession();
  const today = useTodayKind();
  const status = useApiQuery<TServiceStatus>('/api/public/service-status', undefined, { refreshMs: 60_000 });
  if (!me?.user) return null;
  const user = me.user;
  const live = status.data?.channels.live_help;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }} data-testid="greeting">
        {t('workspace.greeting', { name: user.displayName })}
      </Typography.Title>
      {me.abilities.includes('duty.signIn') && <DutySwitch />}
      <MyWork />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card title={t('workspace.aboutYou')} size="small" style={{ height: '100%' }}>
            <p>
              <Typography.Text type="secondary">{t('workspace.department')}</Typography.Text>{' '}
              <span data-testid="workspace-department">
                {pick(user.departmentName, lang) || t('workspace.noDepartment')}
              </span>
            </p>
            <p style={{ marginBottom: 0 }}>
              <Typography.Text type="secondary">{t('workspace.roles')}</Typography.Text> <RoleTags roles={user.roles} />
            </p>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={t('workspace.today')} size="small" style={{ height: '100%' }}>
            <p style={{ fontSize: 18, marginBottom: 4 }}>
              {formatPlainDate(today.date, lang)} {weekdayName(today.weekday, lang)}
            </p>
            {today.working !== undefined && (
              <Tag color={today.working ? 'blue' : 'default'}>
                {today.working ? t('workspace.workingDay') : t('workspace.restDay')}
                {today.holidayName ? `（${today.holidayName}）` : ''}
              </Tag>
            )}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card
            title={live ? pick(live.label, lang) : t('workspace.liveHelp')}
            size="small"
            style={{ height: '100%' }}
            data-testid="live-help-status"
          >
            {live && (
              <>
                <p style={{ marginBottom: 4 }}>
                  <Tag color={live.open ? 'success' : 'default'}>
                    {live.open ? t('workspace.liveOpen') : t('workspace.liveClosed')}
                  </Tag>
                </p>
                <p style={{ marginBottom: 4 }}>{t('workspace.hours', { hours: formatPeriods(live.periods, lang) })}</p>
                {!live.open && live.nextOpening && (
                  <p style={{ marginBottom: 0 }}>
                    {t('workspace.nextOpening', { when: formatOpening(live.nextOpening, status.data!.now, lang) })}
                  </p>
                )}
              </>
            )}
            {status.error && !live && <Typography.Text type="danger">{status.error.message}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <ReferenceMatters user={user} />
    </Space>
  );
}
