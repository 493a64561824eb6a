import { Breadcrumb } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { HOME_NAV, matchNav } from './nav-items';

export function Breadcrumbs() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const current = matchNav(pathname);
  const items: { title: ReactNode }[] = [
    { title: pathname === '/' ? t(HOME_NAV.label) : <Link to="/">{t(HOME_NAV.label)}</Link> },
  ];
  if (current && current !== HOME_NAV) {
    if (current.group === 'system') items.push({ title: t('nav.system') });
    // on a module's sub-page (a project's detail) the module name leads back to its list
    items.push({
      title: pathname === current.path ? t(current.label) : <Link to={current.path}>{t(current.label)}</Link>,
    });
  }
  return <Breadcrumb data-testid="breadcrumbs" items={items} />;
}
