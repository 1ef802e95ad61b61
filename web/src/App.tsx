import { lazy, Suspense } from 'react';
import { I18nProvider } from './i18n/index.js';
import PortalPage from './portal/PortalPage.js';
import { PageLoading } from './shared/PageLoading.js';

// Everything staff-facing (router, Ant Design, sign-in, workspace, back office) loads only when needed,
// so the citizen portal stays small on a slow phone connection: it needs neither the router nor antd.
const StaffApp = lazy(() => import('./shared/StaffApp.js'));

const isPortal = (path: string) => path === '/' || path === '/index.html';

export function App() {
  return (
    <I18nProvider>
      {isPortal(window.location.pathname)
        ? <PortalPage />
        : <Suspense fallback={<PageLoading />}><StaffApp /></Suspense>}
    </I18nProvider>
  );
}
