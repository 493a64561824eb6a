import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { App, Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';

/** The account button: name and unit (on a phone, the avatar only), with password change and sign-out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      style: { cursor: 'default' },
      label: (
        <div style={{ maxWidth: 260 }}>
          <div style={{ color: 'rgba(0,0,0,0.88)' }}>
            {me.user.displayName}（{me.user.username}）
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {me.user.orgUnit.name} · {me.user.roles.map((r) => t(`role.${r}`)).join('、')}
          </Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'change-password',
      icon: <KeyOutlined />,
      label: t('nav.changePassword'),
      'data-testid': 'user-menu-change-password',
      onClick: () => navigate('/change-password'),
    },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('auth.logout'),
      'data-testid': 'logout',
      onClick: async () => {
        await logout();
        message.success(t('auth.loggedOut'));
      },
    },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        data-testid="user-menu"
        aria-label={t('header.userMenu')}
        style={{ height: 48, paddingInline: compact ? 6 : undefined }}
      >
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
          <Flex
            vertical
            align="start"
            className={compact ? 'sr-only' : undefined}
            style={{ lineHeight: 1.25, maxWidth: 200 }}
          >
            <span data-testid="user-display-name" style={{ fontWeight: 500 }}>
              {me.user.displayName}
            </span>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 200 }}>
              {me.user.orgUnit.name}
            </Typography.Text>
          </Flex>
          {compact ? null : <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />}
        </Flex>
      </Button>
    </Dropdown>
  );
}
