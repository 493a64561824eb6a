import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../app/i18n/i18n-context';
import './kit.css';

export interface SectionLink {
  /** The route; the active one is the longest that prefixes the current path. */
  to: string;
  label: ReactNode;
  testId?: string;
}

/**
 * A feature's own sub-navigation (整改 / 诉求 / 惠企 sections) as tabs that scroll sideways inside
 * themselves on a phone, never widening the page.
 */
export function SectionNav({ links, label }: { links: SectionLink[]; label?: string }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = links
    .filter((l) => pathname === l.to || pathname.startsWith(`${l.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0];
  return (
    <nav className="kit-section-nav" aria-label={label ?? t('kit.sectionNav')}>
      <Tabs
        size="small"
        activeKey={active?.to ?? ''}
        onChange={(to) => navigate(to)}
        items={links.map((l) => ({
          key: l.to,
          label: <span data-testid={l.testId}>{l.label}</span>,
        }))}
      />
    </nav>
  );
}
