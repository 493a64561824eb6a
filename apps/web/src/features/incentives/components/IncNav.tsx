import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';

/** The module's sections: applications, promise ledger, figures, rates, catalogue and matching. */
export function IncNav() {
  const { t } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const office = me?.user.orgUnit.kind !== 'enterprise';
  const items = [
    { key: '/incentives', label: t('inc.tab.applications') },
    { key: '/incentives/ledger', label: t('inc.tab.ledger') },
    ...(office ? [{ key: '/incentives/figures', label: t('inc.tab.figures') }] : []),
    { key: '/incentives/rates', label: t('inc.tab.rates') },
    { key: '/incentives/catalogue', label: t('inc.tab.catalogue') },
  ];
  const active =
    items.map((i) => i.key).find((k) => k !== '/incentives' && pathname.startsWith(k)) ?? '/incentives';
  return (
    <Tabs
      activeKey={active}
      onTabClick={(key) => navigate(key)}
      items={items}
      style={{ marginBottom: 8 }}
      data-testid="inc-nav"
    />
  );
}
