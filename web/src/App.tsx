import { lazy, Suspense } from 'react';
import { I18nProvider } from './i18n/index.js';
import BotPage from './portal/BotPage.js';
import PortalPage from './portal/PortalPage.js';
import { PageLoading } from './shared/PageLoading.js';

// Everything staff-facing (router, Ant Design, sign-in, workspace, back office) loads only when needed,
// so the citizen portal stays small on a slow phone connection: it needs neither the router nor antd.
const StaffApp = lazy(() => import('./shared/StaffApp.js'));
const ReportPage = lazy(() => import('./portal/report/ReportPage.js'));

const isPortal = (path: string) => path === '/' || path === '/index.html';
/** The 小申 chat alone (also the widget's iframe). */
const isBot = (path: string) => path === '/bot' || path === '/bot/';
/** 我要反映“办不成事”问题 and the lookup of its result. */
const isReport = (path: string) => path === '/report' || path === '/report/';

export function App() {
  return (
    <I18nProvider>
      {isPortal(window.location.pathname) ? (
        <PortalPage />
      ) : isBot(window.location.pathname) ? (
        <BotPage />
      ) : isReport(window.location.pathname) ? (
        <Suspense fallback={<PageLoading />}>
          <ReportPage />
        </Suspense>
      ) : (
        <Suspense fallback={<PageLoading />}>
          <StaffApp />
        </Suspense>
      )}
    </I18nProvider>
  );
}
