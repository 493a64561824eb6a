import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMe } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';

/** 您好，name: the unit and roles, a sentence of what this account does here, and its main actions. */
export function WelcomeCard({ intro, actions }: { intro: ReactNode; actions?: ReactNode }) {
  const me = useMe();
  const { t } = useI18n();
  return (
    <Card>
      <Flex vertical gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-welcome">
          {t('home.welcome', { name: me.user.displayName })}
        </Typography.Title>
        <Flex gap={6} wrap align="center" data-testid="home-roles">
          <Typography.Text>{me.user.orgUnit.name}</Typography.Text>
          <Tag>{t(`orgKind.${me.user.orgUnit.kind}`)}</Tag>
          {me.user.roles.map((r) => (
            <Tag color="blue" key={r}>
              {t(`role.${r}`)}
            </Tag>
          ))}
        </Flex>
        <Typography.Paragraph style={{ margin: 0, maxWidth: 880 }}>{intro}</Typography.Paragraph>
        {actions ? (
          <Flex gap={8} wrap style={{ marginTop: 4 }}>
            {actions}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
