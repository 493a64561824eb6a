import { Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** 修改密码 inside the shell. */
export function ChangePasswordPage() {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card title={t('auth.changePassword.title')} style={{ maxWidth: 520 }}>
      <Typography.Paragraph type="secondary">{t('auth.changePassword.intro')}</Typography.Paragraph>
      <ChangePasswordForm username={me.user.username} onDone={() => navigate('/')} />
    </Card>
  );
}
