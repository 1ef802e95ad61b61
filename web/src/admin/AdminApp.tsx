import { lazy } from 'react';
import {
  ApiOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  BulbOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FundProjectionScreenOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SafetyCertificateOutlined,
  MessageOutlined,
  FieldTimeOutlined,
  QuestionCircleOutlined,
  SwapOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MenuEntry } from '../shared/menu.js';
import { StaffLayout } from '../shared/StaffLayout.js';

/** The back office; each entry is shown only to users with its ability, and its page answers 403 to others. */
export const ADMIN_MENU: MenuEntry[] = [
  {
    path: '',
    label: 'admin.menuHome',
    icon: <DashboardOutlined />,
    page: lazy(() => import('./overview/OverviewPage.js')),
  },
  {
    path: 'departments',
    label: 'admin.menuDepartments',
    icon: <ApartmentOutlined />,
    ability: 'org.manageDepartments',
    page: lazy(() => import('./departments/DepartmentsPage.js')),
  },
  {
    path: 'users',
    label: 'admin.menuUsers',
    icon: <TeamOutlined />,
    ability: 'org.manageUsers',
    page: lazy(() => import('./users/UsersPage.js')),
  },
  {
    path: 'matters',
    label: 'admin.menuMatters',
    icon: <ProfileOutlined />,
    ability: 'org.manageMatters',
    page: lazy(() => import('./matters/MattersPage.js')),
  },
  {
    path: 'calendar',
    label: 'admin.menuCalendar',
    icon: <CalendarOutlined />,
    ability: 'calendar.manage',
    page: lazy(() => import('./calendar/CalendarPage.js')),
  },
  {
    path: 'kb',
    label: 'admin.menuKb',
    icon: <BookOutlined />,
    ability: 'knowledge.read',
    page: lazy(() => import('./kb/EntriesPage.js')),
  },
  {
    path: 'bot-inbox',
    label: 'admin.menuInbox',
    icon: <QuestionCircleOutlined />,
    ability: 'bot.readInbox',
    page: lazy(() => import('./kb/InboxPage.js')),
  },
  {
    path: 'kb-policies',
    label: 'admin.menuPolicies',
    icon: <FileProtectOutlined />,
    ability: 'knowledge.readPolicies',
    page: lazy(() => import('./kb/PoliciesPage.js')),
  },
  {
    path: 'kb-proposals',
    label: 'admin.menuProposals',
    icon: <BulbOutlined />,
    ability: 'knowledge.decideProposals',
    page: lazy(() => import('./kb/ProposalsPage.js')),
  },
  {
    path: 'kb-exchange',
    label: 'admin.menuExchange',
    icon: <SwapOutlined />,
    when: (me) => me.abilities.includes('knowledge.import') || me.abilities.includes('knowledge.export'),
    page: lazy(() => import('./kb/ExchangePage.js')),
  },
  {
    path: 'kb-terms',
    label: 'admin.menuTerms',
    icon: <TagsOutlined />,
    ability: 'knowledge.readTerms',
    page: lazy(() => import('./kb/TermsPage.js')),
  },
  {
    path: 'bot-stats',
    label: 'admin.menuBotStats',
    icon: <BarChartOutlined />,
    ability: 'bot.readStats',
    page: lazy(() => import('./kb/BotStatsPage.js')),
  },
  {
    path: 'live-wall',
    label: 'admin.menuLiveWall',
    icon: <FundProjectionScreenOutlined />,
    // TODO(livechat merge): the module's ability ('livechat.supervise') once its policy is declared
    when: (me) => me.user.roles.some((r) => r === 'supervisor' || r === 'leader' || r === 'admin'),
    page: lazy(() => import('./livechat/LiveWallPage.js')),
  },
  {
    path: 'callbacks',
    label: 'admin.menuCallbacks',
    icon: <PhoneOutlined />,
    ability: 'callbacks.read',
    page: lazy(() => import('../callbacks/CallbacksPage.js')),
  },
  {
    path: 'duty-roster',
    label: 'admin.menuRoster',
    icon: <ScheduleOutlined />,
    ability: 'duty.readRoster',
    page: lazy(() => import('./duty/RosterPage.js')),
  },
  {
    path: 'duty-records',
    label: 'admin.menuDutyRecords',
    icon: <FieldTimeOutlined />,
    ability: 'duty.readRecords',
    page: lazy(() => import('./duty/DutyRecordsPage.js')),
  },
  {
    path: 'conduct-phrases',
    label: 'admin.menuPhrases',
    icon: <SafetyCertificateOutlined />,
    ability: 'conduct.phraseStats',
    page: lazy(() => import('./conduct/PhrasesPage.js')),
  },
  {
    path: 'canned-replies',
    label: 'admin.menuCannedReplies',
    icon: <MessageOutlined />,
    ability: 'conduct.manageCannedReplies',
    page: lazy(() => import('./conduct/CannedRepliesPage.js')),
  },
  {
    path: 'audit',
    label: 'admin.menuAudit',
    icon: <AuditOutlined />,
    ability: 'audit.read',
    page: lazy(() => import('./audit/AuditPage.js')),
  },
  {
    path: 'api-docs',
    label: 'admin.menuApiDocs',
    icon: <ApiOutlined />,
    href: '/api/docs',
    when: (me) => me.user.roles.includes('admin'),
  },
];

export default function AdminApp() {
  return <StaffLayout face="admin" entries={ADMIN_MENU} />;
}
