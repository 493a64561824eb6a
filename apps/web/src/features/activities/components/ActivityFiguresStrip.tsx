import { Flex, Skeleton, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import { beijingToday, formatPercent, formatWan } from '../../../kit';
import { activityApi } from '../api';
import { ACTIVITY_TYPES } from '../model';
import { ActivityTypeTag } from './ActivityTypeTag';

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: ReactNode;
  value: ReactNode;
  hint?: string;
  testId?: string;
}) {
  const body = (
    <Flex vertical gap={2} className="figure" data-testid={testId}>
      <span className="figure-label">{label}</span>
      <span className="figure-value">{value}</span>
    </Flex>
  );
  return hint ? <Tooltip title={hint}>{body}</Tooltip> : body;
}

/** The year's activities for the region filtered (or the user's area): by type, main leaders' trips, results. */
export function ActivityFiguresStrip({ regionId }: { regionId?: string }) {
  const { t, formatNumber } = useI18n();
  const today = beijingToday();
  const from = `${today.slice(0, 4)}-01-01`;
  const figures = useRequest(
    () => activityApi.figures({ regionId, from, to: today }),
    [regionId, from, today],
  );
  const f = figures.data;
  if (figures.error) {
    return (
      <Typography.Text type="secondary" className="figures-strip" data-testid="activities-figures">
        {t('activity.figures.failed', { message: figures.error.message })}
      </Typography.Text>
    );
  }
  if (!f) {
    return (
      <div className="figures-strip" data-testid="activities-figures">
        <Skeleton active paragraph={false} title={{ width: '60%' }} />
      </div>
    );
  }
  return (
    <Flex className="figures-strip" gap={20} wrap align="center" data-testid="activities-figures">
      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
        {t('activity.figures.title', { year: today.slice(0, 4) })}
      </Typography.Text>
      {ACTIVITY_TYPES.map((type) => (
        <Figure
          key={type}
          label={<ActivityTypeTag type={type} />}
          value={formatNumber(f.byType.find((b) => b.type === type)?.count ?? 0)}
        />
      ))}
      <span className="figures-sep" />
      <Figure
        label={t('activity.figures.mainLeaderTrips')}
        value={formatNumber(f.mainLeaderTripsTotal)}
        hint={t('activity.figures.mainLeaderTripsHint')}
        testId="figure-main-trips"
      />
      <Figure label={t('activity.figures.signed')} value={formatNumber(f.totals.signings)} />
      <Figure label={t('activity.figures.signedWan')} value={formatWan(f.totals.signedFen, 0)} />
      <Figure
        label={t('activity.figures.startRate')}
        value={formatPercent(f.totals.startRate)}
        hint={t('activity.figures.startRateHint')}
      />
      <Figure
        label={t('activity.figures.landedRate')}
        value={formatPercent(f.totals.landedRate)}
        hint={t('activity.funnel.fundsHint')}
      />
    </Flex>
  );
}
