import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context';

/** The module's sections: overview, task ledger, arrears ledger. */
export function RectNav() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = [
    { key: '/rectification', label: t('rect.tab.dashboard') },
    { key: '/rectification/tasks', label: t('rect.tab.tasks') },
    { key: '/rectification/arrears', label: t('rect.tab.arrears') },
  ];
  const active =
    items
      .map((i) => i.key)
      .filter((k) => pathname === k || pathname.startsWith(`${k}/`))
      .sort((a, b) => b.length - a.length)[0] ?? '/rectification';
  return (
    <Tabs
      activeKey={active}
      onTabClick={(key) => navigate(key)}
      items={items}
      style={{ marginBottom: 8 }}
      data-testid="rect-nav"
    />
  );
}
