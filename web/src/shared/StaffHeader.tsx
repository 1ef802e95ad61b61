import { Button, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, SwapOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { pick, useLang, useT } from '../i18n/index.js';
import { canUseFace, otherFace, type Face } from './faces.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { useSession } from './session.js';
import { ROLE_LABELS } from '../../../src/contracts/enums/org.js';
import { NotificationBell } from '../notifications/NotificationBell.js';

/** Top bar of the workspace and the back office: who is signed in, where else they may go, language, sign out. */
export function StaffHeader({ face }: { face: Face }) {
  const t = useT();
  const { lang } = useLang();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  if (!me?.user) return null;
  const user = me.user;
  const other = otherFace(face);
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 12,
        minHeight: 64,
        flexWrap: 'wrap',
        paddingBlock: 6,
      }}
    >
      <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
        {t('staff.product')} · {t(face === 'admin' ? 'staff.adminFace' : 'staff.workspaceFace')}
      </Typography.Text>
      <Space wrap size={[8, 4]} style={{ justifyContent: 'flex-end' }}>
        <span style={{ color: '#fff' }} data-testid="current-user">
          <strong>{user.displayName}</strong>
          {user.departmentName && (
            <span style={{ marginInlineStart: 8 }} data-testid="current-department">
              {pick(user.departmentName, lang)}
            </span>
          )}
        </span>
        <span aria-label={t('staff.roles')}>
          {user.roles.map((r) => (
            <Tag key={r} color="#e6f0fb" style={{ color: '#083a73', marginInlineEnd: 4 }}>
              {ROLE_LABELS[r][lang]}
            </Tag>
          ))}
        </span>
        {canUseFace(me, other) && (
          <Button ghost icon={<SwapOutlined aria-hidden />} onClick={() => navigate(`/${other}`)}>
            {t(other === 'admin' ? 'staff.toAdmin' : 'staff.toWorkspace')}
          </Button>
        )}
        <NotificationBell face={face} />
        <LanguageSwitch ghost />
        <Button
          ghost
          icon={<LogoutOutlined aria-hidden />}
          data-testid="sign-out"
          onClick={() => void signOut().then(() => navigate('/login', { replace: true }))}
        >
          {t('staff.signOut')}
        </Button>
      </Space>
    </div>
  );
}
