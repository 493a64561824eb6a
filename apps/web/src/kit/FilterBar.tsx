import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n/i18n-context';
import './kit.css';

interface Props {
  /** The filter controls; each carries aria-label = its visible label (placeholders are no names). */
  children: ReactNode;
  /** 搜索: applies typed filters (the chosen ones apply at once). */
  onSearch?: () => void;
  /** 重置: enabled when a filter is set. */
  onReset?: () => void;
  filtered?: boolean;
  onRefresh?: () => void;
  /** At the right end (列设置). */
  end?: ReactNode;
  testId?: string;
}

/** The bar of filters above a list: controls wrap on a narrow screen, the actions stay last. */
export function FilterBar({ children, onSearch, onReset, filtered, onRefresh, end, testId }: Props) {
  const { t } = useI18n();
  return (
    <Flex
      gap={8}
      wrap
      align="center"
      className="kit-filter-bar filter-bar"
      role="search"
      aria-label={t('kit.filters')}
      data-testid={testId}
    >
      {children}
      {onSearch ? (
        <Button type="primary" onClick={onSearch}>
          {t('kit.search')}
        </Button>
      ) : null}
      {onReset ? (
        <Button onClick={onReset} disabled={filtered === false}>
          {t('kit.reset')}
        </Button>
      ) : null}
      {onRefresh ? (
        <Button icon={<ReloadOutlined />} onClick={onRefresh} aria-label={t('kit.refresh')} />
      ) : null}
      {end ? <div style={{ marginInlineStart: 'auto' }}>{end}</div> : null}
    </Flex>
  );
}
