import type { User } from '@yingshang/contracts';
import { Flex, Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';

/** 正常 green / 已停用 red / 已锁定 gold, plus 待改密 when a temporary password is pending. */
export function UserStatusTag({ user }: { user: Pick<User, 'disabled' | 'locked' | 'mustChangePassword'> }) {
  const { t } = useI18n();
  const main = user.disabled ? (
    <Tag color="error">{t('users.status.disabled')}</Tag>
  ) : user.locked ? (
    <Tag color="warning">{t('users.status.locked')}</Tag>
  ) : (
    <Tag color="success">{t('users.status.active')}</Tag>
  );
  return (
    <Flex gap={4} wrap>
      {main}
      {user.mustChangePassword && !user.disabled ? (
        <Tag style={{ whiteSpace: 'normal' }}>{t('users.mustChange')}</Tag>
      ) : null}
    </Flex>
  );
}
