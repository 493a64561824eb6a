import type { Dashboard } from '@yingshang/contracts';
import { Card, Col, Flex, Row, Segmented, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatPercent } from '../../../kit';
import { yoy } from '../bulletin';
import { bigMoney } from '../units';
import { Chart } from './Chart';
import { RegionMap } from './RegionMap';

const MAP_METRICS = ['signedInvestment', 'signedCount', 'startRate', 'fundsRate'] as const;
type MapMetric = (typeof MAP_METRICS)[number];

/**
 * The regions below the one shown, ranked by signed investment (table or bars, click to drill in),
 * beside a map of the figure chosen for a province or a city.
 */
export function RegionRanking({ d, onRegion }: { d: Dashboard; onRegion: (id: string) => void }) {
  const { t, locale, formatNumber } = useI18n();
  const p = d.pipeline;
  const rate = (v: number | null) => formatPercent(v);
  const yi = (fen: number) => bigMoney(fen, locale);
  const [mapMetric, setMapMetric] = useState<MapMetric>('signedInvestment');
  const [rankingView, setRankingView] = useState<'table' | 'chart'>('table');

  type RegionRow = Dashboard['pipeline']['byRegion'][number];
  const hasMap = d.region.kind === 'province' || d.region.kind === 'city';
  /** A region's value and its words on the map, for the figure chosen. */
  const mapValue = (r: RegionRow, m: MapMetric) => {
    const c = r.current;
    if (m === 'signedCount')
      return {
        value: c.newlySigned.count,
        label: `${t('dash.col.signed')} ${formatNumber(c.newlySigned.count)}`,
      };
    if (m === 'signedInvestment')
      return {
        value: Number(yi(c.newlySigned.investmentFen)),
        label: `${t('dash.col.signedInvestment')} ${yi(c.newlySigned.investmentFen)}`,
      };
    const ratio = m === 'startRate' ? c.startRate : c.fundsInPlaceRate;
    return {
      value: Math.round((ratio ?? 0) * 1000) / 10,
      label: `${t(m === 'startRate' ? 'dash.kpi.startRate' : 'dash.kpi.fundsRate')} ${rate(ratio)}`,
    };
  };
  const ranked = [...p.byRegion].sort(
    (a, b) => b.current.newlySigned.investmentFen - a.current.newlySigned.investmentFen,
  );
  const columns: ColumnsType<RegionRow> = [
    { title: t('dash.col.rank'), key: 'rank', width: 56, render: (_, __, i) => i + 1 },
    {
      title: t('dash.col.region'),
      dataIndex: 'name',
      ellipsis: true,
      render: (v: string, r) => (
        <Typography.Link onClick={() => onRegion(r.id)} data-testid={`dash-drill-${r.code}`}>
          {v}
        </Typography.Link>
      ),
    },
    {
      title: t('dash.col.signed'),
      key: 'signed',
      align: 'right',
      className: 'num-cell',
      width: 90,
      render: (_, r) => formatNumber(r.current.newlySigned.count),
    },
    {
      title: (
        <Tooltip title={t('dash.hint.rank')}>
          <span>{t('dash.col.signedInvestment')}</span>
        </Tooltip>
      ),
      key: 'investment',
      align: 'right',
      className: 'num-cell',
      width: 130,
      render: (_, r) => yi(r.current.newlySigned.investmentFen),
    },
    {
      title: t('dash.col.yoy'),
      key: 'yoy',
      align: 'right',
      className: 'num-cell',
      width: 90,
      render: (_, r) => {
        const c = yoy(r.current.newlySigned.investmentFen, r.lastYearSigned.investmentFen);
        return c === null ? (
          '—'
        ) : (
          <Typography.Text type={c >= 0 ? 'success' : 'danger'}>
            {`${c >= 0 ? '+' : ''}${(Math.round(c * 1000) / 10).toFixed(1)}%`}
          </Typography.Text>
        );
      },
    },
    {
      title: t('dash.kpi.startRate'),
      key: 'start',
      align: 'right',
      className: 'num-cell',
      width: 90,
      render: (_, r) => rate(r.current.startRate),
    },
    {
      title: t('dash.kpi.productionRate'),
      key: 'production',
      align: 'right',
      className: 'num-cell',
      width: 90,
      render: (_, r) => rate(r.current.productionRate),
    },
    {
      title: t('dash.kpi.fundsRate'),
      key: 'funds',
      align: 'right',
      className: 'num-cell',
      width: 100,
      render: (_, r) => rate(r.current.fundsInPlaceRate),
    },
  ];

  if (p.byRegion.length === 0) return null;
  return (
    <Row gutter={[12, 12]}>
      {hasMap ? (
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={t('dash.map.title')}
            extra={
              <Segmented<MapMetric>
                size="small"
                value={mapMetric}
                onChange={setMapMetric}
                options={MAP_METRICS.map((m) => ({ value: m, label: t(`dash.map.metric.${m}`) }))}
                data-testid="dash-map-metric"
              />
            }
          >
            <RegionMap
              code={d.region.code}
              values={p.byRegion
                .filter((r) => r.kind !== 'zone')
                .map((r) => {
                  const v = mapValue(r, mapMetric);
                  return { code: r.code, name: r.name, value: v.value, label: v.label };
                })}
              onPick={(code) => {
                const r = p.byRegion.find((x) => x.code === code);
                if (r) onRegion(r.id);
              }}
            />
          </Card>
        </Col>
      ) : null}
      <Col xs={24} xl={hasMap ? 14 : 24}>
        <Card
          size="small"
          title={t(d.region.kind === 'province' ? 'dash.ranking.titleCities' : 'dash.ranking.title')}
          extra={
            <Flex gap={12} align="center" wrap>
              <Typography.Text type="secondary">{t('dash.ranking.formula')}</Typography.Text>
              <Segmented<'table' | 'chart'>
                size="small"
                className="no-print"
                value={rankingView}
                onChange={setRankingView}
                options={[
                  { value: 'table', label: t('dash.ranking.table') },
                  { value: 'chart', label: t('dash.ranking.chart') },
                ]}
                data-testid="dash-ranking-view"
              />
            </Flex>
          }
        >
          {rankingView === 'chart' ? (
            <Chart
              testId="dash-region-bars"
              height={Math.max(200, 24 * ranked.length + 48)}
              onClick={(i) => {
                const r = ranked[i];
                if (r) onRegion(r.id);
              }}
              option={{
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                legend: { bottom: 0 },
                grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
                xAxis: { type: 'value', name: t('dash.unit.yi') },
                yAxis: { type: 'category', inverse: true, data: ranked.map((r) => r.name) },
                series: [
                  {
                    name: t('dash.col.signedInvestment'),
                    type: 'bar',
                    data: ranked.map((r) => Number(yi(r.current.newlySigned.investmentFen))),
                  },
                  {
                    name: t('dash.chart.signedLastYear'),
                    type: 'bar',
                    itemStyle: { color: '#bfbfbf' },
                    data: ranked.map((r) => Number(yi(r.lastYearSigned.investmentFen))),
                  },
                ],
              }}
            />
          ) : (
            <Table<RegionRow>
              data-testid="dash-regions"
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={ranked}
              pagination={false}
              tableLayout="fixed"
              scroll={{ x: 760 }}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
