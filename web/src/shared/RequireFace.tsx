import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result } from 'antd';
import { useT } from '../i18n/index.js';
import { canUseFace, type Face } from './faces.js';
import { ForbiddenPage } from './ErrorPages.js';
import { PageLoading } from './PageLoading.js';
import { useSession } from './session.js';

/** Route guard: not signed in → /login (coming back here after); signed in but not for this face → a friendly 403. */
export function RequireFace({ face, children }: { face: Face; children: ReactNode }) {
  const t = useT();
  const { me, error, reload } = useSession();
  const loc = useLocation();
  if (!me && error) {
    return (
      <Result
        status="warning"
        title={t('common.networkTitle')}
        subTitle={error.message}
        extra={
          <Button type="primary" onClick={() => void reload()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!me) return <PageLoading />;
  if (!me.user) return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  if (!canUseFace(me, face)) return <ForbiddenPage standalone />;
  return <>{children}</>;
}
