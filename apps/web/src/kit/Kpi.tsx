import { Card, Flex, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../app/i18n/i18n-context';
import { ChangeText } from './ChangeText';
import { changeRatio } from './format';

export interface KpiProps {
  label: string;
  value: ReactNode;
  unit?: string;
  /** Raw figures for the change against last year (both given: the change is shown). */
  current?: number;
  lastYear?: number;
  /** Last year's figure as read (「上年同期 1,234」). */
  lastYearText?: string;
  hint?: string;
  /** The records behind the figure. */
  to?: string;
  testId?: string;
}

/** One statistic card: title, value and unit, the change against last year, a link to the records. */
export function Kpi({
  label: title,
  value,
  unit,
  current,
  lastYear,
  lastYearText,
  hint,
  to,
  testId,
}: KpiProps) {
  const { t } = useI18n();
  const change = current !== undefined && lastYear !== undefined ? changeRatio(current, lastYear) : undefined;
  const label = hint ? (
    <Tooltip title={hint}>
      <span className="kpi-label">{title}</span>
    </Tooltip>
  ) : (
    <span className="kpi-label">{title}</span>
  );
  const body = <Statistic title={label} value={value as string} suffix={unit} />;
  return (
    <Card size="small" className="kpi" data-testid={testId}>
      {to ? (
        <Link to={to} className="kpi-link">
          {body}
        </Link>
      ) : (
        body
      )}
      {change !== undefined ? (
        <Flex gap={6} wrap className="kpi-foot">
          <ChangeText change={change} />
          {lastYearText && change !== null ? (
            <Typography.Text type="secondary">
              {t('kit.change.lastYear', { value: lastYearText })}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
