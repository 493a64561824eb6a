import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { SectionNav } from '../../../kit';

/** The module's sections: the queue, meetings, figures, and deadlines with the holiday schedule. */
export function AppealsNav() {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const enterprise = me?.user.orgUnit.kind === 'enterprise';
  const department = me?.user.orgUnit.kind === 'department';
  return (
    <SectionNav
      testId="appeals-nav"
      links={[
        { to: '/appeals', label: enterprise ? t('appeal.tab.mine') : t('appeal.tab.queue') },
        ...(enterprise || department ? [] : [{ to: '/appeals/meetings', label: t('appeal.tab.meetings') }]),
        ...(enterprise ? [] : [{ to: '/appeals/figures', label: t('appeal.tab.figures') }]),
        ...(can('calendar.manage') || can('appeals.manage')
          ? [{ to: '/appeals/calendar', label: t('appeal.tab.calendar') }]
          : []),
      ]}
    />
  );
}
