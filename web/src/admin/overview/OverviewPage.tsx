import { Card, Col, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router-dom';
import { pick, useLang, useT } from '../../i18n/index.js';
import { useSession } from '../../shared/session.js';
import { useApiQuery } from '../../api/query.js';
import { CalendarWarnings } from '../calendar/CalendarWarnings.js';
import { PageHeader } from '../PageHeader.js';
import { RecentAudit } from './RecentAudit.js';
import { MyWork } from '../../notifications/MyWork.js';
import type { TCalendarYears } from '../../../../src/contracts/calendar.js';
import type { TPage } from '../../../../src/contracts/common.js';
import type { TDepartment, TMatter, TUser } from '../../../../src/contracts/org.js';

/** Back-office home: the numbers at a glance, calendar warnings, and recent activity for those who may read it. */
export default function OverviewPage() {
  const t = useT();
  const { lang } = useLang();
  const { me, can } = useSession();
  const navigate = useNavigate();
  const users = useApiQuery<TPage<TUser>>(
    '/api/users',
    { pageSize: 1 },
    {
      enabled: can('org.manageUsers'),
    },
  );
  const depts = useApiQuery<{ items: TDepartment[] }>('/api/departments');
  const matters = useApiQuery<{ items: TMatter[] }>('/api/matters');
  const years = useApiQuery<TCalendarYears>('/api/calendar/years', undefined, { enabled: can('calendar.read') });
  if (!me?.user) return null;

  const stats = [
    {
      key: 'users',
      show: can('org.manageUsers'),
      title: t('overview.users'),
      value: users.data?.total,
      loading: users.loading,
      to: '/admin/users',
    },
    {
      key: 'departments',
      show: true,
      title: t('overview.departments'),
      value: depts.data?.items.length,
      loading: depts.loading,
      to: can('org.manageDepartments') ? '/admin/departments' : undefined,
    },
    {
      key: 'matters',
      show: true,
      title: t('overview.matters'),
      value: matters.data?.items.length,
      loading: matters.loading,
      to: can('org.manageMatters') ? '/admin/matters' : undefined,
    },
    {
      key: 'live',
      show: true,
      title: t('overview.liveMatters'),
      value: matters.data?.items.filter((m) => m.liveHelp).length,
      loading: matters.loading,
      to: undefined,
    },
  ].filter((s) => s.show);

  return (
    <>
      <PageHeader
        title={t('overview.title')}
        description={t('overview.welcome', { name: me.user.displayName, dept: pick(me.user.departmentName, lang) })}
      />
      <CalendarWarnings years={years.data} showLink={can('calendar.manage')} />
      <div style={{ marginBottom: 16 }}>
        <MyWork />
      </div>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Card hoverable={!!s.to} onClick={s.to ? () => navigate(s.to!) : undefined} data-testid={`stat-${s.key}`}>
              <Statistic title={s.title} value={s.value ?? '—'} loading={s.loading} />
            </Card>
          </Col>
        ))}
      </Row>
      {can('audit.read') && <RecentAudit />}
    </>
  );
}
