import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { copyText } from '../../../app/clipboard';
import { useI18n } from '../../../app/i18n/i18n-context';

interface Props {
  /** null hides the modal; the password is dropped from memory when it closes. */
  result: { name: string; password: string } | null;
  onClose: () => void;
}

export function TempPasswordModal({ result, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    if (!result) return;
    if (await copyText(result.password)) message.success(t('common.copied'));
    else message.warning(t('common.copyFailed'));
  };
  return (
    <Modal
      open={!!result}
      title={t('users.tempPassword.title')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="temp-password-close">
          {t('common.ok')}
        </Button>
      }
      maskClosable={false}
      destroyOnHidden
    >
      {result ? (
        <Flex vertical gap={16}>
          <Alert type="warning" showIcon title={t('users.tempPassword.desc', { name: result.name })} />
          <Flex align="center" gap={12} justify="center">
            <Typography.Text
              data-testid="temp-password"
              code
              style={{ fontSize: 22, letterSpacing: 1, userSelect: 'all' }}
            >
              {result.password}
            </Typography.Text>
            <Button icon={<CopyOutlined />} onClick={copy} data-testid="temp-password-copy">
              {t('common.copy')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
    </Modal>
  );
}
