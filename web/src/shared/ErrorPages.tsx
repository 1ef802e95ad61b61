import { Button, Result, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n/index.js';
import { canUseFace } from './faces.js';
import { useSession } from './session.js';

/**
 * "You can't use this page" — says why and where to go instead. `standalone`: a whole page (its own <main>);
 * otherwise it sits inside a staff layout, whose content area is already the <main>.
 */
export function ForbiddenPage({ standalone = false }: { standalone?: boolean }) {
  const Root = standalone ? 'main' : 'div';
  const t = useT();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const faces = (['workspace', 'admin'] as const).filter((f) => canUseFace(me, f));
  return (
    <Root style={standalone ? { minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16 } : undefined}>
      <Result
        status="403"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('error.forbiddenTitle')}</h1>}
        subTitle={t('error.forbiddenText')}
        data-testid="forbidden"
        extra={
          <Space wrap>
            {faces.map((f) => (
              <Button key={f} type="primary" onClick={() => navigate(`/${f}`)}>
                {t(f === 'admin' ? 'error.goAdmin' : 'error.goWorkspace')}
              </Button>
            ))}
            {standalone && (
              <Button onClick={() => void signOut().then(() => navigate('/login'))}>{t('staff.signOut')}</Button>
            )}
          </Space>
        }
      />
    </Root>
  );
}

/** "No such page"; `standalone` as for ForbiddenPage. */
export function NotFoundPage({ standalone = false }: { standalone?: boolean }) {
  const Root = standalone ? 'main' : 'div';
  const t = useT();
  const navigate = useNavigate();
  return (
    <Root style={{ minHeight: '60vh', display: 'grid', placeItems: 'center', padding: 16 }}>
      <Result
        status="404"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('error.notFoundTitle')}</h1>}
        subTitle={t('error.notFoundText')}
        extra={
          <Space wrap>
            <Button type="primary" onClick={() => navigate('/')}>
              {t('error.goPortal')}
            </Button>
            <Button onClick={() => navigate('/login')}>{t('error.goLogin')}</Button>
          </Space>
        }
      />
    </Root>
  );
}
