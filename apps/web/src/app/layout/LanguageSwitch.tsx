import { GlobalOutlined } from '@ant-design/icons';
import type { Locale } from '@yingshang/contracts';
import { Segmented, Space, Tooltip } from 'antd';
import { authApi } from '../auth/api';
import { useAuth } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import { LOCALES } from '../i18n/messages';

/** 中文 / English. Stored in this browser and, when signed in, on the account. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const { me } = useAuth();

  const change = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    if (me) authApi.setLocale(next).catch(() => undefined);
  };

  return (
    <Space size={6}>
      {compact ? null : (
        <Tooltip title={t('lang.label')} placement="bottom">
          <GlobalOutlined aria-hidden style={{ color: 'rgba(0,0,0,0.45)' }} />
        </Tooltip>
      )}
      <Segmented<Locale>
        data-testid="lang-switch"
        aria-label={t('lang.label')}
        size="small"
        value={locale}
        onChange={change}
        options={LOCALES.map((l) => ({
          value: l,
          label: (
            <span data-testid={`lang-${l}`} lang={l}>
              {compact ? t(`lang.short.${l}`) : t(`lang.${l}`)}
            </span>
          ),
        }))}
      />
    </Space>
  );
}
