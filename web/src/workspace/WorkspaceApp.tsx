import { lazy } from 'react';
import {
  BarChartOutlined,
  BellOutlined,
  CustomerServiceOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  MessageOutlined,
  PhoneOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import type { MenuEntry } from '../shared/menu.js';
import { StaffLayout } from '../shared/StaffLayout.js';

/**
 * The agent workspace. Later modules (live chats, transfer forms, work orders) add one line each here:
 * `{ path: 'chats', label: 'workspace.menuChats', icon: <MessageOutlined />, ability: 'chat.answer', page: lazy(() => import('./chats/ChatsPage.js')) }`
 */
export const WORKSPACE_MENU: MenuEntry[] = [
  { path: '', label: 'workspace.menuHome', icon: <HomeOutlined />, page: lazy(() => import('./WorkspaceHome.js')) },
  {
    path: 'chats',
    label: 'workspace.menuChats',
    icon: <MessageOutlined />,
    ability: 'livechat.work',
    page: lazy(() => import('./chat/ChatsPage.js')),
  },
  {
    path: 'phone',
    label: 'workspace.menuPhone',
    icon: <CustomerServiceOutlined />,
    ability: 'phone.log',
    page: lazy(() => import('./phone/PhoneCallsPage.js')),
  },
  {
    path: 'phone-forms',
    label: 'workspace.menuPhoneForms',
    icon: <FileTextOutlined />,
    ability: 'phone.readForms',
    page: lazy(() => import('./phone/PhoneFormsPage.js')),
  },
  {
    path: 'kb-search',
    label: 'workspace.menuKbSearch',
    icon: <SearchOutlined />,
    ability: 'knowledge.read',
    page: lazy(() => import('./KbSearchPage.js')),
  },
  {
    path: 'callbacks',
    label: 'workspace.menuCallbacks',
    icon: <PhoneOutlined />,
    ability: 'callbacks.read',
    page: lazy(() => import('../callbacks/CallbacksPage.js')),
  },
  {
    path: 'notifications',
    label: 'notify.menu',
    icon: <BellOutlined />,
    ability: 'notifications.read',
    page: lazy(() => import('../notifications/NotificationsPage.js')),
  },
  {
    path: 'work-orders',
    label: 'workspace.menuWorkOrders',
    icon: <FileSearchOutlined />,
    ability: 'workOrders.read',
    page: lazy(() => import('../work-orders/WorkOrdersPage.js')),
  },
  {
    path: 'window-record',
    label: 'workspace.menuWindowRecord',
    icon: <FormOutlined />,
    ability: 'workOrders.recordWindow',
    page: lazy(() => import('../work-orders/WindowRecordPage.js')),
  },
  {
    path: 'work-order-performance',
    label: 'admin.menuOrderPerformance',
    icon: <BarChartOutlined />,
    ability: 'workOrders.performance',
    page: lazy(() => import('../work-orders/PerformancePage.js')),
  },
];

export default function WorkspaceApp() {
  return <StaffLayout face="workspace" entries={WORKSPACE_MENU} />;
}
