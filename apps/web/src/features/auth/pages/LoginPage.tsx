import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Typography } from 'antd';
// the two inputs on their own: antd's Input brings TextArea, Search and OTP along, which this page has not
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { AuthShell } from '../../../app/layout/AuthShell';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { me, login, sessionMessage } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: { pathname?: string; search?: string } } | null)?.from;
  const target = from?.pathname && from.pathname !== '/login' ? `${from.pathname}${from.search ?? ''}` : '/';

  if (me && !submitting) return <Navigate to={target} replace />;

  const submit = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const next = await login(v.username.trim(), v.password);
      navigate(next.user.mustChangePassword ? '/change-password' : target, {
        replace: true,
        state: next.user.mustChangePassword ? { from } : undefined,
      });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.unknown'));
      setSubmitting(false);
    }
  };

  return (
    <AuthShell>
      <Card title={t('auth.login.title')} style={{ width: 380, maxWidth: '100%' }}>
        {error ? (
          <Alert data-testid="login-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} />
        ) : sessionMessage ? (
          <Alert type="warning" showIcon title={sessionMessage} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
          >
            <Input
              data-testid="login-username"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              size="large"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
          >
            <Password
              data-testid="login-password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={submitting}
            data-testid="login-submit"
          >
            {t('auth.login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 380, marginTop: 16, fontSize: 12 }}>
        {t('auth.login.footer')}
      </Typography.Paragraph>
    </AuthShell>
  );
}
