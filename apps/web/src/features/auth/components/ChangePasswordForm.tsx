import { isWeakPassword } from '@yingshang/contracts';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { authApi } from '../../../app/auth/api';
import { useI18n } from '../../../app/i18n/i18n-context';
import { applyFieldErrors } from '../../../kit';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'];

export function ChangePasswordForm({ username, onDone }: { username: string; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      message.success(t('auth.changePassword.success'));
      form.resetFields();
      onDone();
    } catch (e) {
      const shown = applyFieldErrors(form, e, FIELDS, {
        PASSWORD_WRONG: 'currentPassword',
        PASSWORD_WEAK: 'newPassword',
      });
      if (!shown) setError(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="currentPassword"
        label={t('auth.changePassword.current')}
        rules={[
          { required: true, message: t('common.required', { field: t('auth.changePassword.current') }) },
        ]}
      >
        <Input.Password data-testid="cp-current" autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.changePassword.new')}
        extra={t('auth.changePassword.rule')}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('common.required', { field: t('auth.changePassword.new') }) },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (!value) return;
              if (isWeakPassword(value, username)) throw new Error(t('auth.changePassword.weak'));
              if (value === getFieldValue('currentPassword'))
                throw new Error(t('auth.changePassword.sameAsOld'));
            },
          }),
        ]}
      >
        <Input.Password data-testid="cp-new" autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.changePassword.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required', { field: t('auth.changePassword.confirm') }) },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) {
                throw new Error(t('auth.changePassword.mismatch'));
              }
            },
          }),
        ]}
      >
        <Input.Password data-testid="cp-confirm" autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} block data-testid="cp-submit">
        {t('auth.changePassword.submit')}
      </Button>
    </Form>
  );
}
