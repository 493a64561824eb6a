import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Flex, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context';
import { yoy } from '../bulletin';

/** A headline figure with its unit, last year's value and the change (colour plus words). */
export function Kpi({
  label,
  value,
  unit,
  current,
  lastYear,
  lastYearText,
  hint,
  to,
  testId,
}: {
  label: string;
  value: ReactNode;
  unit?: string;
  /** Raw values for the year-on-year change (none: no comparison shown). */
  current?: number;
  lastYear?: number;
  lastYearText?: string;
  hint?: string;
  /** The records behind the figure. */
  to?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const change = current !== undefined && lastYear !== undefined ? yoy(current, lastYear) : undefined;
  const title = hint ? (
    <Tooltip title={hint}>
      <span className="kpi-label">{label}</span>
    </Tooltip>
  ) : (
    <span className="kpi-label">{label}</span>
  );
  const body = <Statistic title={title} value={value as string} suffix={unit} />;
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
          {change === null ? (
            <Typography.Text type="secondary">{t('dash.yoy.none')}</Typography.Text>
          ) : (
            <Typography.Text type={change >= 0 ? 'success' : 'danger'}>
              {change >= 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{' '}
              {t(change >= 0 ? 'dash.yoy.up' : 'dash.yoy.down', {
                pct: (Math.round(Math.abs(change) * 1000) / 10).toFixed(1),
              })}
            </Typography.Text>
          )}
          {lastYearText && change !== null ? (
            <Typography.Text type="secondary">
              {t('dash.yoy.lastYear', { value: lastYearText })}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
