import type { Dashboard, PipelinePeriod } from '@yingshang/contracts';
import { Button, Card, Flex, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatPercent, KpiGrid, type KpiSpec } from '../../../kit';
import { yuanEn, yuanZh } from '../bulletin';
import { bigMoney } from '../units';

/** The pipeline's figures of the months against the same months of last year, each a link to its projects. */
export function PipelineKpis({
  d,
  projectsLink,
  periodDays,
  onProjects,
}: {
  d: Dashboard;
  projectsLink: (q: Record<string, string | undefined>) => string;
  periodDays: { reachedFrom: string; reachedTo: string };
  onProjects: (q: Record<string, string | undefined>) => void;
}) {
  const { t, locale, formatNumber } = useI18n();
  const p = d.pipeline;
  const cur = p.current;
  const ly = p.lastYear;
  const money = (fen: number) => (locale === 'en-US' ? yuanEn(fen) : yuanZh(fen));
  const stage = (x: PipelinePeriod, s: string) => x.byStatus.find((b) => b.status === s)?.count ?? 0;
  const rate = (v: number | null) => formatPercent(v);
  const yi = (fen: number) => bigMoney(fen, locale);

  const items: KpiSpec[] = [
    {
      key: 'kpi-signed',
      testId: 'kpi-signed',
      label: t('dash.kpi.newlySigned'),
      value: formatNumber(cur.newlySigned.count),
      unit: t('dash.unit.projects'),
      current: cur.newlySigned.count,
      lastYear: ly.newlySigned.count,
      lastYearText: formatNumber(ly.newlySigned.count),
      to: projectsLink({ reached: 'signed', ...periodDays }),
    },
    {
      key: 'kpi-signed-investment',
      testId: 'kpi-signed-investment',
      label: t('dash.kpi.signedInvestment'),
      value: yi(cur.newlySigned.investmentFen),
      unit: t('dash.unit.yi'),
      current: cur.newlySigned.investmentFen,
      lastYear: ly.newlySigned.investmentFen,
      lastYearText: yi(ly.newlySigned.investmentFen),
      to: projectsLink({ reached: 'signed', ...periodDays }),
    },
    {
      key: 'kpi-negotiating',
      testId: 'kpi-negotiating',
      label: t('dash.kpi.negotiating'),
      value: formatNumber(stage(cur, 'negotiating')),
      unit: t('dash.unit.projects'),
      current: stage(cur, 'negotiating'),
      lastYear: stage(ly, 'negotiating'),
      lastYearText: formatNumber(stage(ly, 'negotiating')),
      hint: t('dash.hint.atEnd'),
      to: projectsLink({ status: 'negotiating' }),
    },
    {
      key: 'kpi-started',
      testId: 'kpi-started',
      label: t('dash.kpi.newlyStarted'),
      value: formatNumber(cur.newlyStarted.count),
      unit: t('dash.unit.projects'),
      current: cur.newlyStarted.count,
      lastYear: ly.newlyStarted.count,
      lastYearText: formatNumber(ly.newlyStarted.count),
      to: projectsLink({ reached: 'started', ...periodDays }),
    },
    {
      key: 'kpi-start-rate',
      testId: 'kpi-start-rate',
      label: t('dash.kpi.startRate'),
      value: rate(cur.startRate),
      hint: t('dash.hint.startRate'),
      lastYearText: rate(ly.startRate),
      current: cur.startRate ?? undefined,
      lastYear: ly.startRate ?? undefined,
    },
    {
      key: 'kpi-production-rate',
      testId: 'kpi-production-rate',
      label: t('dash.kpi.productionRate'),
      value: rate(cur.productionRate),
      hint: t('dash.hint.productionRate'),
      lastYearText: rate(ly.productionRate),
      current: cur.productionRate ?? undefined,
      lastYear: ly.productionRate ?? undefined,
    },
    {
      key: 'kpi-funds-rate',
      testId: 'kpi-funds-rate',
      label: t('dash.kpi.fundsRate'),
      value: rate(cur.fundsInPlaceRate),
      hint: t('dash.hint.fundsRate', {
        funds: money(cur.fundsInPlaceFen),
        contracted: money(cur.contractedFen),
      }),
      lastYearText: rate(ly.fundsInPlaceRate),
      current: cur.fundsInPlaceRate ?? undefined,
      lastYear: ly.fundsInPlaceRate ?? undefined,
    },
    ...(['signToStart', 'startToProduction', 'signToProduction'] as const).map((k) => ({
      key: k,
      testId: `kpi-days-${k}`,
      label: t(`dash.kpi.days.${k}`),
      value: cur.averageDays[k] === null ? '—' : formatNumber(cur.averageDays[k], 1),
      unit: cur.averageDays[k] === null ? undefined : t('dash.unit.days'),
      hint: t('dash.hint.days'),
      lastYearText: ly.averageDays[k] === null ? '—' : formatNumber(ly.averageDays[k], 1),
    })),
    {
      key: 'kpi-fulfilment',
      testId: 'kpi-fulfilment',
      label: t('dash.kpi.fulfilment'),
      value: rate(cur.fulfilmentRate),
      hint: t('dash.hint.fulfilment', { due: cur.promisesDue, kept: cur.promisesFulfilled }),
      lastYearText: rate(ly.fulfilmentRate),
      current: cur.fulfilmentRate ?? undefined,
      lastYear: ly.fulfilmentRate ?? undefined,
    },
  ];
  return (
    <KpiGrid
      testId="dash-kpis"
      dense
      items={items}
      extra={
        <Card size="small" className="kpi" data-testid="kpi-now">
          <Typography.Text type="secondary" className="kpi-label">
            {t('dash.kpi.now', { day: p.now.asOf })}
          </Typography.Text>
          <Flex gap={8} wrap className="kpi-now">
            <Button type="link" onClick={() => onProjects({ stalled: 'true' })} data-testid="kpi-stalled">
              <Typography.Text type={p.now.stalled ? 'warning' : undefined} strong>
                {t('dash.kpi.stalled', { n: formatNumber(p.now.stalled) })}
              </Typography.Text>
            </Button>
            <Button type="link" onClick={() => onProjects({ blocked: 'true' })} data-testid="kpi-blocked">
              <Typography.Text type={p.now.blocked ? 'danger' : undefined} strong>
                {t('dash.kpi.blocked', { n: formatNumber(p.now.blocked) })}
              </Typography.Text>
            </Button>
          </Flex>
        </Card>
      }
    />
  );
}
