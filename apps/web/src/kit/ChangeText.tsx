import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useI18n } from '../app/i18n/i18n-context';
import { describeChange } from './format';
import './kit.css';

/** The change in words and colour: up green, down red, 0.0 % 持平 in neutral grey. */
export function ChangeText({ change }: { change: number | null }) {
  const { t } = useI18n();
  const c = describeChange(change);
  if (c.direction === 'none')
    return <Typography.Text type="secondary">{t('kit.change.none')}</Typography.Text>;
  if (c.direction === 'flat')
    return (
      <Typography.Text className="kit-change-flat" data-change="flat">
        <MinusOutlined /> {t('kit.change.flat')}
      </Typography.Text>
    );
  const up = c.direction === 'up';
  return (
    <Typography.Text type={up ? 'success' : 'danger'} data-change={c.direction}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{' '}
      {t(up ? 'kit.change.up' : 'kit.change.down', { pct: c.pct })}
    </Typography.Text>
  );
}
