import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api, errorText } from '../api/client.js';
import { useT } from '../i18n/index.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { PageLoading } from '../shared/PageLoading.js';
import { useSession } from '../shared/session.js';
import { DemoAccounts } from './DemoAccounts.js';

interface Fields {
  username: string;
  password: string;
}

/** Where a signed-in user goes: back to the page that sent them here, else their home face. */
function safeNext(next: string | null, home: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : home;
}

/** Staff sign-in; in demo mode it lists the demo accounts (click one to fill the form). */
export default function LoginPage() {
  const t = useT();
  const { me, reload } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${t('login.title')} · ${t('staff.product')}`;
  }, [t]);

  if (!me) return <PageLoading />;
  if (me.user && !busy) return <Navigate to={safeNext(params.get('next'), me.home)} replace />;

  const submit = async (v: Fields) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/auth/login', { username: v.username.trim(), password: v.password });
      const m = await reload();
      void navigate(m?.user ? safeNext(params.get('next'), m.home) : '/login', { replace: true });
    } catch (e) {
      setError(errorText(e, t('login.failed')));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f3f6fa', padding: '16px 12px 32px' }}>
      <div
        style={{
          maxWidth: 960,
          margin: '0 auto',
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 8,
          flexWrap: 'wrap',
        }}
      >
        <Link to="/">{t('login.backToPortal')}</Link>
        <LanguageSwitch />
      </div>
      <main
        style={{
          maxWidth: 960,
          margin: '24px auto 0',
          display: 'flex',
          gap: 24,
          flexWrap: 'wrap',
          justifyContent: 'center',
          alignItems: 'flex-start',
        }}
      >
        <Card style={{ width: 400, maxWidth: '100%' }}>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {!me.user && me.sessionExpired && !error && (
            <Alert
              type="warning"
              showIcon
              title={t('login.sessionExpired')}
              style={{ marginBottom: 16 }}
              data-testid="session-expired"
            />
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              role="alert"
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form<Fields> form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={busy}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" size="large" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('login.forgot')}
          </Typography.Paragraph>
        </Card>
        {me.demo && (
          <DemoAccounts
            onPick={(username, password) => {
              form.setFieldsValue({ username, password });
              setError(undefined);
            }}
          />
        )}
      </main>
    </div>
  );
}
