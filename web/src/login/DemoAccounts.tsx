import { Alert, Button, Card, Typography } from 'antd';
import { useT } from '../i18n/index.js';
import { RoleTags } from '../shared/RoleTags.js';
import { useApiQuery } from '../api/query.js';
import type { TDemoAccounts as DemoAccountsData } from '../../../src/contracts/org.js';

/** Demo mode only: the seeded accounts, one click fills the sign-in form. */
export function DemoAccounts({ onPick }: { onPick(username: string, password: string): void }) {
  const t = useT();
  const demo = useApiQuery<DemoAccountsData>('/api/auth/demo-accounts');
  if (demo.error) return null;
  return (
    <Card
      style={{ width: 480, maxWidth: '100%' }}
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('login.demoTitle')}</h2>}
      data-testid="demo-accounts"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('login.demoHint', { password: demo.data?.password ?? '' })}
      />
      {demo.loading && !demo.data && <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {(demo.data?.accounts ?? []).map((a) => (
          <li
            key={a.username}
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 8,
              flexWrap: 'wrap',
              padding: '6px 0',
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            <Button
              onClick={() => onPick(a.username, demo.data!.password)}
              aria-label={t('login.demoUse', { username: a.username, name: a.displayName })}
            >
              {a.username}
            </Button>
            <Typography.Text>{a.displayName}</Typography.Text>
            <span>
              <RoleTags roles={a.roles} />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
