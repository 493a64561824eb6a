import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';

/** The module's sections: the queue, meetings, figures, and deadlines with the holiday schedule. */
export function AppealsNav() {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const enterprise = me?.user.orgUnit.kind === 'enterprise';
  const items = [
    { key: '/appeals', label: enterprise ? t('appeal.tab.mine') : t('appeal.tab.queue') },
    ...(enterprise || me?.user.orgUnit.kind === 'department'
      ? []
      : [{ key: '/appeals/meetings', label: t('appeal.tab.meetings') }]),
    ...(enterprise ? [] : [{ key: '/appeals/figures', label: t('appeal.tab.figures') }]),
    ...(can('calendar.manage') || can('appeals.manage')
      ? [{ key: '/appeals/calendar', label: t('appeal.tab.calendar') }]
      : []),
  ];
  const active =
    items
      .map((i) => i.key)
      .filter((k) => pathname === k || pathname.startsWith(`${k}/`))
      .sort((a, b) => b.length - a.length)[0] ?? '/appeals';
  if (items.length < 2) return null;
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key)}
      items={items}
      style={{ marginBottom: 8 }}
      data-testid="appeals-nav"
    />
  );
}
