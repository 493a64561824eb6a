import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { SectionNav } from '../../../kit';

/** The module's sections: applications, promise ledger, figures, rates, catalogue and matching. */
export function IncNav() {
  const { t } = useI18n();
  const { me } = useAuth();
  const office = me?.user.orgUnit.kind !== 'enterprise';
  return (
    <SectionNav
      testId="inc-nav"
      links={[
        { to: '/incentives', label: t('inc.tab.applications') },
        { to: '/incentives/ledger', label: t('inc.tab.ledger') },
        ...(office ? [{ to: '/incentives/figures', label: t('inc.tab.figures') }] : []),
        { to: '/incentives/rates', label: t('inc.tab.rates') },
        { to: '/incentives/catalogue', label: t('inc.tab.catalogue') },
      ]}
    />
  );
}
