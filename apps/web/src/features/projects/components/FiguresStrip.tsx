import { Flex, Skeleton, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import { beijingToday, formatPercent, StageTag } from '../../../kit';
import { projectApi } from '../api';
import { PROJECT_STATUSES } from '../model';

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

/**
 * The figures of the region filtered (or the user's whole area) over the list's period: the year to
 * date, or the period a dashboard figure drilled into (the list's reachedFrom / reachedTo), so the
 * strip and the list always speak of the same months.
 */
export function FiguresStrip({
  regionId,
  from: periodFrom,
  to: periodTo,
}: {
  regionId?: string;
  from?: string;
  to?: string;
}) {
  const { t, formatNumber } = useI18n();
  const today = beijingToday();
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const from = periodFrom ?? (periodTo ? `${periodTo.slice(0, 4)}-01-01` : yearStart);
  const to = periodTo ?? today;
  const wholeYear = from === yearStart && to === today;
  const figures = useRequest(() => projectApi.figures({ regionId, from, to }), [regionId, from, to]);
  const f = figures.data;

  if (figures.error) {
    return (
      <Typography.Text type="secondary" className="figures-strip" data-testid="projects-figures">
        {t('project.figures.failed', { message: figures.error.message })}
      </Typography.Text>
    );
  }
  if (!f) {
    return (
      <div className="figures-strip" data-testid="projects-figures">
        <Skeleton active paragraph={false} title={{ width: '60%' }} />
      </div>
    );
  }
  const count = (s: (typeof PROJECT_STATUSES)[number]) => f.byStatus.find((b) => b.status === s)?.count ?? 0;
  return (
    <Flex className="figures-strip" gap={20} wrap align="center" data-testid="projects-figures">
      <Typography.Text strong style={{ whiteSpace: 'nowrap' }} data-testid="projects-figures-period">
        {wholeYear
          ? t('project.figures.title', { year: today.slice(0, 4) })
          : t('project.figures.period', { from, to })}
      </Typography.Text>
      {PROJECT_STATUSES.map((s) => (
        <Figure key={s} label={<StageTag status={s} />} value={formatNumber(count(s))} />
      ))}
      <span className="figures-sep" />
      <Figure
        label={t('project.figures.startRate')}
        value={formatPercent(f.startRate)}
        hint={t('project.figures.startRateHint')}
        testId="figure-start-rate"
      />
      <Figure
        label={t('project.figures.productionRate')}
        value={formatPercent(f.productionRate)}
        hint={t('project.figures.productionRateHint')}
      />
      <Figure
        label={t('project.figures.fundsRate')}
        value={formatPercent(f.fundsInPlaceRate)}
        hint={t('project.figures.fundsRateHint')}
      />
      <Figure label={t('project.flag.blocked')} value={formatNumber(f.blocked)} />
      <Figure label={t('project.flag.stalled')} value={formatNumber(f.stalled)} />
    </Flex>
  );
}
