import { Flex, Skeleton, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { projectApi } from '../../../app/api/endpoints';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatPercent, StageTag } from '../../../kit';
import { beijingToday, PROJECT_STATUSES } from '../model';

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

/** The year's figures for the region filtered (or the user's whole area): counts per stage and rates. */
export function FiguresStrip({ regionId }: { regionId?: string }) {
  const { t, formatNumber } = useI18n();
  const today = beijingToday();
  const from = `${today.slice(0, 4)}-01-01`;
  const figures = useRequest(
    () => projectApi.figures({ regionId, from, to: today }),
    [regionId, from, today],
  );
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
      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
        {t('project.figures.title', { year: today.slice(0, 4) })}
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
