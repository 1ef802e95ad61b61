import { lazy } from 'react';
import { ApiOutlined, ApartmentOutlined, AuditOutlined, CalendarOutlined, DashboardOutlined, ProfileOutlined, TeamOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../shared/menu.js';
import { StaffLayout } from '../shared/StaffLayout.js';

/** The back office; each entry is shown only to users with its ability, and its page answers 403 to others. */
export const ADMIN_MENU: MenuEntry[] = [
  { path: '', label: 'admin.menuHome', icon: <DashboardOutlined />, page: lazy(() => import('./overview/OverviewPage.js')) },
  { path: 'departments', label: 'admin.menuDepartments', icon: <ApartmentOutlined />, ability: 'org.manageDepartments', page: lazy(() => import('./departments/DepartmentsPage.js')) },
  { path: 'users', label: 'admin.menuUsers', icon: <TeamOutlined />, ability: 'org.manageUsers', page: lazy(() => import('./users/UsersPage.js')) },
  { path: 'matters', label: 'admin.menuMatters', icon: <ProfileOutlined />, ability: 'org.manageMatters', page: lazy(() => import('./matters/MattersPage.js')) },
  { path: 'calendar', label: 'admin.menuCalendar', icon: <CalendarOutlined />, ability: 'calendar.manage', page: lazy(() => import('./calendar/CalendarPage.js')) },
  { path: 'audit', label: 'admin.menuAudit', icon: <AuditOutlined />, ability: 'audit.read', page: lazy(() => import('./audit/AuditPage.js')) },
  { path: 'api-docs', label: 'admin.menuApiDocs', icon: <ApiOutlined />, href: '/api/docs', when: (me) => me.user.roles.includes('admin') },
];

export default function AdminApp() {
  return <StaffLayout face="admin" entries={ADMIN_MENU} />;
}
