import { cloneElement, isValidElement, Suspense, useId, useState } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { Button, Layout, Menu } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useT } from '../i18n/index.js';
import { ForbiddenPage, NotFoundPage } from './ErrorPages.js';
import type { Face } from './faces.js';
import { allowed, type MenuEntry } from './menu.js';
import { PageLoading } from './PageLoading.js';
import { useSession } from './session.js';
import { StaffHeader } from './StaffHeader.js';
import { useFocusableScrollers } from './useFocusableScrollers.js';
import './staff.css';

/** The frame of a staff face: header, a side menu filtered by abilities, and the pages of the menu. */
export function StaffLayout({ face, entries }: { face: Face; entries: MenuEntry[] }) {
  const t = useT();
  const { me } = useSession();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // below antd's lg breakpoint the menu folds away behind a real button (antd's own opener is a bare span
  // that a keyboard cannot reach and a screen reader calls "bars")
  const [narrow, setNarrow] = useState(false);
  const menuId = useId();
  useFocusableScrollers();
  const base = `/${face}`;
  const rel = pathname.slice(base.length).replace(/^\/|\/$/g, '');
  const visible = entries.filter((e) => allowed(me, e));
  const selected = visible
    .filter((e) => !e.href && (e.path === '' ? rel === '' : rel === e.path || rel.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];

  const items = visible.map((e) => ({
    key: e.href ?? e.path,
    // decoration: without this a reader would say the icon's English name ("dashboard") before the label
    icon: isValidElement<{ 'aria-hidden'?: boolean }>(e.icon) ? cloneElement(e.icon, { 'aria-hidden': true }) : e.icon,
    label: e.href ? (
      <a href={e.href} target="_blank" rel="noopener noreferrer">
        {t(e.label)}
      </a>
    ) : (
      <Link to={e.path ? `${base}/${e.path}` : base}>{t(e.label)}</Link>
    ),
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ height: 'auto', lineHeight: 1.4 }}>
        <StaffHeader face={face} />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          breakpoint="lg"
          collapsedWidth={0}
          width={208}
          theme="light"
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          onBreakpoint={setNarrow}
          trigger={null}
          id={menuId}
        >
          {/* folded away: out of the tab order too */}
          <nav aria-label={t('staff.menu')} inert={narrow && collapsed}>
            <Menu
              onClick={() => narrow && setCollapsed(true)}
              mode="inline"
              selectedKeys={selected ? [selected.path] : []}
              items={items}
              style={{ borderInlineEnd: 0 }}
              className="bb-side-menu"
              data-testid="side-menu"
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 'clamp(12px, 2vw, 24px)', minWidth: 0 }}>
          {narrow && (
            <Button
              icon={<MenuOutlined aria-hidden />}
              aria-expanded={!collapsed}
              aria-controls={menuId}
              onClick={() => setCollapsed((c) => !c)}
              style={{ marginBottom: 12 }}
              data-testid="menu-toggle"
            >
              {t(collapsed ? 'staff.openMenu' : 'staff.closeMenu')}
            </Button>
          )}
          {/* antd renders Layout.Content as the page's one <main> */}
          <Suspense fallback={<PageLoading />}>
            <Routes>
              {entries
                .filter((e) => e.page)
                .map((e) => {
                  const Page = e.page!;
                  const el = allowed(me, e) ? <Page /> : <ForbiddenPage />;
                  return e.path ? (
                    <Route key={e.path} path={`${e.path}/*`} element={el} />
                  ) : (
                    <Route key="home" index element={el} />
                  );
                })}
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
