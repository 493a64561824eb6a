import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';

export function OrgStatusTag({ active }: { active: boolean }) {
  const { t } = useI18n();
  return active ? (
    <Tag color="success">{t('orgs.status.active')}</Tag>
  ) : (
    <Tag color="error">{t('orgs.status.inactive')}</Tag>
  );
}
