import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../app/i18n/i18n-context';
import './kit.css';

export interface SectionLink {
  /** The route; the active one is the longest that prefixes the current path. */
  to: string;
  label: ReactNode;
  testId?: string;
}

/** The link of `links` the current path is in: the longest prefix, else the first. */
export function activeSection(links: SectionLink[], pathname: string): SectionLink | undefined {
  return (
    links
      .filter((l) => pathname === l.to || pathname.startsWith(`${l.to}/`))
      .sort((a, b) => b.to.length - a.to.length)[0] ?? links[0]
  );
}

/**
 * A feature's own sub-navigation (整改 / 诉求 / 惠企 sections): links styled as a tab strip that
 * scrolls sideways inside itself on a phone, never widening the page. Links, not a tablist: each
 * section is a page of its own, with its own address (aria-current marks the one shown).
 */
export function SectionNav({
  links,
  label,
  testId,
}: {
  links: SectionLink[];
  label?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  if (links.length < 2) return null;
  const active = activeSection(links, pathname);
  return (
    <nav className="kit-section-nav" aria-label={label ?? t('kit.sectionNav')} data-testid={testId}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <Link
              to={l.to}
              data-section={l.to}
              data-testid={l.testId}
              aria-current={l === active ? 'page' : undefined}
              className={l === active ? 'kit-section-active' : undefined}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
