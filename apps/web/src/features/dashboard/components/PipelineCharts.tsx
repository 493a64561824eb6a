import type { Dashboard, PipelinePeriod } from '@yingshang/contracts';
import { PROJECT_STATUSES } from '@yingshang/contracts';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { bigMoney } from '../units';
import { Chart } from './Chart';

/**
 * The months' signings against last year's, the stages at the end of the period (click a bar for
 * its projects), and the signings by industry section and by investors' origin.
 */
export function PipelineCharts({
  d,
  periodDays,
  onProjects,
}: {
  d: Dashboard;
  periodDays: { reachedFrom: string; reachedTo: string };
  onProjects: (q: Record<string, string | undefined>) => void;
}) {
  const { t, tMaybe, locale, formatNumber } = useI18n();
  const p = d.pipeline;
  const cur = p.current;
  const stage = (x: PipelinePeriod, s: string) => x.byStatus.find((b) => b.status === s)?.count ?? 0;
  const yi = (fen: number) => bigMoney(fen, locale);

  const trend = (
    <Chart
      testId="dash-trend"
      option={{
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 48, right: 48, top: 24, bottom: 48 },
        xAxis: { type: 'category', data: p.trend.map((m) => m.month) },
        yAxis: [
          { type: 'value', name: t('dash.unit.projects'), minInterval: 1 },
          { type: 'value', name: t('dash.unit.yi') },
        ],
        series: [
          { name: t('dash.chart.signed'), type: 'bar', data: p.trend.map((m) => m.signed.count) },
          {
            name: t('dash.chart.signedLastYear'),
            type: 'bar',
            data: p.trend.map((m) => m.lastYearSigned.count),
            itemStyle: { color: '#bfbfbf' },
          },
          {
            name: t('dash.chart.signedInvestment'),
            type: 'line',
            yAxisIndex: 1,
            data: p.trend.map((m) => Number(yi(m.signed.investmentFen))),
          },
        ],
      }}
    />
  );

  const stages = (
    <Chart
      testId="dash-stages"
      height={260}
      onClick={(i) => onProjects({ status: PROJECT_STATUSES[i] })}
      option={{
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, top: 24, bottom: 32 },
        xAxis: { type: 'category', data: PROJECT_STATUSES.map((s) => t(`project.status.${s}`)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: t('dash.chart.atEnd'),
            type: 'bar',
            data: PROJECT_STATUSES.map((s) => stage(cur, s)),
            label: { show: true, position: 'top' },
          },
        ],
      }}
    />
  );

  /** Signings of the months by industry section and by investors' origin: bars, click for the projects. */
  const shares = (
    rows: Dashboard['pipeline']['byIndustry'],
    name: (key: string) => string,
    filter: 'industry' | 'origin',
    testId: string,
  ) =>
    rows.length === 0 ? (
      <Typography.Text type="secondary">{t('dash.chart.noSignings')}</Typography.Text>
    ) : (
      <Chart
        testId={testId}
        height={Math.max(160, 28 * Math.min(rows.length, 10) + 48)}
        onClick={(i) => onProjects({ [filter]: rows[i]?.key, reached: 'signed', ...periodDays })}
        option={{
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
          xAxis: { type: 'value', name: t('dash.unit.yi') },
          yAxis: {
            type: 'category',
            inverse: true,
            data: rows.slice(0, 10).map((r) => name(r.key)),
            axisLabel: { width: 150, overflow: 'truncate' },
          },
          series: [
            {
              name: t('dash.chart.signedInvestment'),
              type: 'bar',
              data: rows.slice(0, 10).map((r) => Number(yi(r.investmentFen))),
              label: {
                show: true,
                position: 'right',
                formatter: (v: { dataIndex: number }) =>
                  t('dash.chart.projectsN', { n: formatNumber(rows[v.dataIndex].count) }),
              },
            },
          ],
        }}
      />
    );
  const mix = (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('dash.chart.industryTitle')}>
          {shares(p.byIndustry, (k) => tMaybe(`dash.industry.${k}`, k), 'industry', 'dash-industries')}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('dash.chart.originTitle')}>
          {shares(p.byOrigin, (k) => t(`project.origin.${k}` as never), 'origin', 'dash-origins')}
        </Card>
      </Col>
    </Row>
  );

  return (
    <Flex vertical gap={12}>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('dash.chart.trendTitle')}>
            {trend}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('dash.chart.stagesTitle', { month: d.period.to })}>
            {stages}
          </Card>
        </Col>
      </Row>
      {mix}
    </Flex>
  );
}
