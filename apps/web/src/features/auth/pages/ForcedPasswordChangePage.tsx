import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { AuthShell } from '../../../app/layout/AuthShell';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** Shown instead of the shell while the user still has a temporary password. */
export function ForcedPasswordChangePage() {
  const me = useMe();
  const { refresh, logout, passwordChanged } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: { pathname?: string } } | null)?.from?.pathname;

  // Both state changes in one batch: this page unmounts as soon as the flag drops, so navigate first.
  const done = () => {
    navigate(from && from !== '/change-password' ? from : '/', { replace: true });
    passwordChanged();
    void refresh();
  };

  return (
    <AuthShell
      extra={
        <Button
          type="link"
          icon={<LogoutOutlined />}
          data-testid="logout"
          onClick={async () => {
            await logout();
          }}
        >
          {t('auth.logout')}
        </Button>
      }
    >
      <Card title={t('auth.changePassword.forcedTitle')} style={{ width: 420, maxWidth: '100%' }}>
        <Alert
          type="warning"
          showIcon
          title={t('auth.changePassword.forcedDesc')}
          style={{ marginBottom: 16 }}
        />
        <ChangePasswordForm username={me.user.username} onDone={done} />
      </Card>
    </AuthShell>
  );
}
