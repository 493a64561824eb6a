import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useI18n } from '../app/i18n/i18n-context';

interface Props {
  columns: { key: string; title: string; locked?: boolean }[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
  onReset: () => void;
  testId?: string;
}

/** 列设置: show or hide table columns (a locked column, the name, always shows). */
export function ColumnSettings({ columns, hidden, onChange, onReset, testId }: Props) {
  const { t } = useI18n();
  const content = (
    <Flex vertical gap={4} style={{ minWidth: 180 }} data-testid="column-settings">
      {columns.map((c) => (
        <Checkbox
          key={c.key}
          checked={c.locked || !hidden.includes(c.key)}
          disabled={c.locked}
          onChange={(e) =>
            onChange(e.target.checked ? hidden.filter((k) => k !== c.key) : [...hidden, c.key])
          }
        >
          {c.title}
        </Checkbox>
      ))}
      <Typography.Link onClick={onReset} style={{ marginTop: 4 }}>
        {t('kit.columns.reset')}
      </Typography.Link>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('kit.columns.title')} content={content}>
      <Button icon={<SettingOutlined />} data-testid={testId}>
        {t('kit.columns.button')}
      </Button>
    </Popover>
  );
}
