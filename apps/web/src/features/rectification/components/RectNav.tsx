import { useI18n } from '../../../app/i18n/i18n-context';
import { SectionNav } from '../../../kit';

/** The module's sections: overview, task ledger, arrears ledger. */
export function RectNav() {
  const { t } = useI18n();
  return (
    <SectionNav
      testId="rect-nav"
      links={[
        { to: '/rectification', label: t('rect.tab.dashboard') },
        { to: '/rectification/tasks', label: t('rect.tab.tasks') },
        { to: '/rectification/arrears', label: t('rect.tab.arrears') },
      ]}
    />
  );
}
