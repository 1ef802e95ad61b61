import { Suspense, useState } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { Layout, Menu } from 'antd';
import { useT } from '../i18n/index.js';
import { ForbiddenPage, NotFoundPage } from './ErrorPages.js';
import type { Face } from './faces.js';
import { allowed, type MenuEntry } from './menu.js';
import { PageLoading } from './PageLoading.js';
import { useSession } from './session.js';
import { StaffHeader } from './StaffHeader.js';

/** The frame of a staff face: header, a side menu filtered by abilities, and the pages of the menu. */
export function StaffLayout({ face, entries }: { face: Face; entries: MenuEntry[] }) {
  const t = useT();
  const { me } = useSession();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const base = `/${face}`;
  const rel = pathname.slice(base.length).replace(/^\/|\/$/g, '');
  const visible = entries.filter((e) => allowed(me, e));
  const selected = visible
    .filter((e) => !e.href && (e.path === '' ? rel === '' : rel === e.path || rel.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];

  const items = visible.map((e) => ({
    key: e.href ?? e.path,
    icon: e.icon,
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
          zeroWidthTriggerStyle={{ top: 12 }}
        >
          <nav aria-label={t('staff.menu')}>
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected.path] : []}
              items={items}
              style={{ borderInlineEnd: 0 }}
              data-testid="side-menu"
            />
          </nav>
        </Layout.Sider>
        {/* when the menu folds away on a narrow screen, leave room for its opener */}
        <Layout.Content
          style={{ padding: 'clamp(12px, 2vw, 24px)', paddingInlineStart: collapsed ? 56 : undefined, minWidth: 0 }}
        >
          <main>
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
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
