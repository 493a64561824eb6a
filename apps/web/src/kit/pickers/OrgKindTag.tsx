import type { OrgKind } from '@yingshang/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n-context';

const COLORS: Record<OrgKind, string> = {
  province: 'volcano',
  city: 'blue',
  county: 'cyan',
  zone: 'purple',
  department: 'gold',
  enterprise: 'green',
};

export function OrgKindTag({ kind }: { kind: OrgKind }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`orgKind.${kind}`)}
    </Tag>
  );
}
