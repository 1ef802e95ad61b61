import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { SearchOutlined } from '@ant-design/icons';
import { useLang, useT } from '../i18n/index.js';
import '../i18n/staff.js';
import PortalPage from '../portal/PortalPage.js';
import { antdLocales } from './antdLocales.js';
import { NotFoundPage } from './ErrorPages.js';
import { PageLoading } from './PageLoading.js';
import { RequireFace } from './RequireFace.js';
import { queryClient, useLiveRefresh } from '../api/query.js';
import { SessionProvider, useSession } from './session.js';
import { staffTheme } from './theme.js';

const LoginPage = lazy(() => import('../login/LoginPage.js'));
const WorkspaceApp = lazy(() => import('../workspace/WorkspaceApp.js'));
const AdminApp = lazy(() => import('../admin/AdminApp.js'));

/** Everything behind the staff sign-in: the router, Ant Design in the user's language, the session. */
export default function StaffApp() {
  const { lang } = useLang();
  const t = useT();
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang]);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <ConfigProvider
          locale={antdLocales[lang]}
          theme={staffTheme}
          // the search button of Input.Search is named by its icon: in the user's language, not antd's "search"
          inputSearch={{ searchIcon: <SearchOutlined aria-label={t('common.search')} /> }}
        >
          <AntApp>
            <SessionProvider>
              <LiveRefresh />
              <Suspense fallback={<PageLoading />}>
                <Routes>
                  {/* reached by in-app navigation back to the public page */}
                  <Route path="/" element={<PortalPage />} />
                  <Route path="/login" element={<LoginPage />} />
                  <Route
                    path="/workspace/*"
                    element={
                      <RequireFace face="workspace">
                        <WorkspaceApp />
                      </RequireFace>
                    }
                  />
                  <Route
                    path="/admin/*"
                    element={
                      <RequireFace face="admin">
                        <AdminApp />
                      </RequireFace>
                    }
                  />
                  <Route path="*" element={<NotFoundPage standalone />} />
                </Routes>
              </Suspense>
            </SessionProvider>
          </AntApp>
        </ConfigProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

/** Keeps what is on screen current while someone is signed in: another user's change refetches it. */
function LiveRefresh() {
  const { me } = useSession();
  useLiveRefresh(!!me?.user);
  return null;
}
