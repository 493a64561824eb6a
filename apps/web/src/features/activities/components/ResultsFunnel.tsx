import { ArrowRightOutlined } from '@ant-design/icons';
import { Flex, Progress, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatPercent, formatWan, ratio } from '../../../kit';
import type { ActivityResults } from '../model';

function Stage({
  label,
  value,
  rate,
  testId,
}: {
  label: string;
  value: number;
  rate?: string;
  testId: string;
}) {
  return (
    <Flex vertical align="center" className="funnel-stage" data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <span className="funnel-value" data-testid={`${testId}-value`}>
        {value}
      </span>
      {rate ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {rate}
        </Typography.Text>
      ) : (
        <span style={{ height: 20 }} />
      )}
    </Flex>
  );
}

function Money({
  label,
  fen,
  hint,
  danger,
  testId,
}: {
  label: string;
  fen: number;
  hint?: string;
  danger?: boolean;
  testId: string;
}) {
  const body: ReactNode = (
    <Flex vertical gap={2} className="figure" data-testid={testId}>
      <span className="figure-label">{label}</span>
      <Typography.Text className="figure-value num-cell" type={danger && fen > 0 ? 'danger' : undefined}>
        {formatWan(fen, 2)}
      </Typography.Text>
    </Flex>
  );
  return hint ? <Tooltip title={hint}>{body}</Tooltip> : body;
}

/**
 * The funnel an activity (or an official's activities) fed: projects linked → signed → started →
 * producing, and what became of the money signed there, with the part that never arrived shown as such.
 */
export function ResultsFunnel({
  results: r,
  testId = 'activity-funnel',
}: {
  results: ActivityResults;
  testId?: string;
}) {
  const { t } = useI18n();
  const arrow = <ArrowRightOutlined style={{ color: '#bfbfbf', fontSize: 18 }} />;
  return (
    <Flex vertical gap={16} data-testid={testId}>
      <Flex align="center" justify="space-around" wrap gap={8}>
        <Stage label={t('activity.funnel.projects')} value={r.projects} testId="funnel-projects" />
        {arrow}
        <Stage
          label={t('activity.funnel.signed')}
          value={r.signed}
          rate={t('activity.funnel.ofPrevious', { rate: formatPercent(ratio(r.signed, r.projects)) })}
          testId="funnel-signed"
        />
        {arrow}
        <Stage
          label={t('activity.funnel.started')}
          value={r.started}
          rate={t('activity.funnel.ofPrevious', { rate: formatPercent(ratio(r.started, r.signed)) })}
          testId="funnel-started"
        />
        {arrow}
        <Stage
          label={t('activity.funnel.producing')}
          value={r.producing}
          rate={t('activity.funnel.ofPrevious', { rate: formatPercent(ratio(r.producing, r.started)) })}
          testId="funnel-producing"
        />
      </Flex>
      <Flex className="figures-strip" gap={20} wrap align="center">
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {t('activity.funnel.money', { count: r.signings })}
        </Typography.Text>
        <Money label={t('activity.funnel.signedWan')} fen={r.signedFen} testId="funnel-signed-fen" />
        <Money label={t('activity.funnel.startedWan')} fen={r.startedFen} testId="funnel-started-fen" />
        <Money label={t('activity.funnel.producingWan')} fen={r.producingFen} testId="funnel-producing-fen" />
        <Money
          label={t('activity.funnel.fundsWan')}
          fen={r.fundsInPlaceFen}
          hint={t('activity.funnel.fundsHint')}
          testId="funnel-funds-fen"
        />
        <Money
          label={t('activity.funnel.notArrivedWan')}
          fen={r.notArrivedFen}
          hint={t('activity.funnel.notArrivedHint')}
          danger
          testId="funnel-not-arrived-fen"
        />
        {r.terminatedFen > 0 ? (
          <Money
            label={t('activity.funnel.terminatedWan')}
            fen={r.terminatedFen}
            danger
            testId="funnel-terminated-fen"
          />
        ) : null}
        <Flex vertical gap={2} style={{ minWidth: 160 }}>
          <span className="figure-label">{t('activity.funnel.landedRate')}</span>
          <Progress
            percent={r.landedRate === null ? 0 : Math.round(r.landedRate * 1000) / 10}
            format={() => formatPercent(r.landedRate)}
            aria-label={t('activity.funnel.landedRate')}
            size="small"
            status={r.landedRate !== null && r.landedRate < 0.3 ? 'exception' : 'normal'}
          />
        </Flex>
      </Flex>
    </Flex>
  );
}
