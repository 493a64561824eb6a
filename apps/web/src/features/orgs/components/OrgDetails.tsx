import type { OrgUnit } from '@yingshang/contracts';
import { Descriptions, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime, OrgKindTag } from '../../../kit';
import { OrgStatusTag } from './OrgStatusTag';

interface Props {
  org: OrgUnit;
  /** Names from the root down to the unit. */
  trail: string[];
}

export function OrgDetails({ org, trail }: Props) {
  const { t } = useI18n();
  const items = [
    { key: 'name', label: t('orgs.field.name'), children: org.name },
    { key: 'shortName', label: t('orgs.field.shortName'), children: org.shortName || '—' },
    {
      key: 'code',
      label: t('orgs.field.code'),
      children: <Typography.Text copyable={{ text: org.code }}>{org.code}</Typography.Text>,
    },
    { key: 'kind', label: t('orgs.field.kind'), children: <OrgKindTag kind={org.kind} /> },
    { key: 'category', label: t('orgs.field.category'), children: org.category || '—' },
    { key: 'status', label: t('orgs.field.status'), children: <OrgStatusTag active={org.active} /> },
    ...(org.kind === 'enterprise' || org.creditCode
      ? [{ key: 'credit', label: t('orgs.field.creditCode'), children: org.creditCode || '—' }]
      : []),
    { key: 'path', label: t('orgs.field.path'), children: trail.join(' / ') || org.name, span: 2 },
    { key: 'updatedAt', label: t('orgs.field.updatedAt'), children: formatDateTime(org.updatedAt) },
  ];
  return (
    <Descriptions
      data-testid="org-details"
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      items={items}
    />
  );
}
