import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { APP_TEXT } from '../theme';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the signed-out pages (login, forced password change): product name, language switch, a card. */
export function AuthShell({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth-shell" style={APP_TEXT}>
      <Flex justify="flex-end" align="center" gap={12} style={{ padding: '16px 24px' }}>
        {extra}
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" style={{ padding: '4vh 16px 48px' }}>
        <Flex vertical align="center" style={{ marginBottom: 24, textAlign: 'center' }}>
          <Flex align="center" gap={12}>
            <img src="/favicon.svg" alt="" width={44} height={44} />
            <Typography.Title level={1} style={{ margin: 0, fontSize: 34, letterSpacing: 2 }}>
              {t('app.name')}
            </Typography.Title>
          </Flex>
          <Typography.Text type="secondary" style={{ marginTop: 8, fontSize: 15 }}>
            {t('app.tagline')}
          </Typography.Text>
        </Flex>
        {children}
      </Flex>
    </div>
  );
}
