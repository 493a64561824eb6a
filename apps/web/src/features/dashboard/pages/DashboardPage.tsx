import {
  ArrowUpOutlined,
  CopyOutlined,
  DownloadOutlined,
  PrinterOutlined,
  ReloadOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { Dashboard, PipelinePeriod } from '@yingshang/contracts';
import { industrySectionName } from '@yingshang/rules';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Segmented,
  Skeleton,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { copyText } from '../../../app/clipboard';
import { useI18n } from '../../../app/i18n/i18n-context';
import { beijingToday, formatPercent, Kpi, OrgPicker, PROJECT_STATUSES, saveBlob } from '../../../kit';
import { dashboardApi } from '../api';
import { bulletin, yoy, yuanEn, yuanZh } from '../bulletin';
import { Chart } from '../components/Chart';
import { ModuleSections } from '../components/ModuleSections';
import { RegionMap } from '../components/RegionMap';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAP_METRICS = ['signedInvestment', 'signedCount', 'startRate', 'fundsRate'] as const;
type MapMetric = (typeof MAP_METRICS)[number];
const PRESETS = ['month', 'ytd', 'quarter', 'lastYear'] as const;
type Preset = (typeof PRESETS)[number];

/** The months of a preset period, as of this month. */
function presetRange(p: Preset, thisMonth: string): [string, string] {
  const year = thisMonth.slice(0, 4);
  const m = Number(thisMonth.slice(5));
  if (p === 'month') return [thisMonth, thisMonth];
  if (p === 'quarter') return [`${year}-${String(m - ((m - 1) % 3)).padStart(2, '0')}`, thisMonth];
  if (p === 'lastYear') return [`${Number(year) - 1}-01`, `${Number(year) - 1}-12`];
  return [`${year}-01`, thisMonth];
}

/** The dashboard's money unit: 亿元 in Chinese, billions of yuan in English (two decimals). */
const bigMoney = (fen: number, locale: string) =>
  (fen / (locale === 'en-US' ? 100_000_000_000 : 10_000_000_000)).toFixed(2);

/** 招商驾驶舱: any run of months, any region in the user's area, every figure against last year. */
export function DashboardPage() {
  const { t, locale, formatNumber } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const today = beijingToday();
  const thisMonth = today.slice(0, 7);
  const regionId = params.get('region') ?? undefined;
  const [defaultFrom, defaultTo] = presetRange('ytd', thisMonth);
  const fromParam = params.get('from') ?? '';
  const toParam = params.get('to') ?? '';
  const from = MONTH_RE.test(fromParam) ? fromParam : defaultFrom;
  // months as YYYY-MM sort as text: without a valid end, the later of the start and this month
  const to = MONTH_RE.test(toParam) && toParam >= from ? toParam : ([from, defaultTo].sort()[1] ?? from);
  const preset = PRESETS.find((p) => {
    const [a, b] = presetRange(p, thisMonth);
    return a === from && b === to;
  });

  const req = useRequest(() => dashboardApi.get({ regionId, from, to }), [regionId, from, to]);
  const d = req.data;
  const [exporting, setExporting] = useState(false);
  const doExport = async () => {
    setExporting(true);
    try {
      const { blob, filename } = await dashboardApi.exportXlsx({ regionId, from, to });
      saveBlob(blob, filename ?? `dashboard-${from}-${to}.xlsx`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setExporting(false);
    }
  };

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const projectsLink = (q: Record<string, string | undefined>) => {
    const s = new URLSearchParams();
    if (d) s.set('region', d.region.id);
    for (const [k, v] of Object.entries(q)) if (v) s.set(k, v);
    return `/projects?${s}`;
  };
  const periodDays = {
    reachedFrom: `${from}-01`,
    reachedTo: dayjs(`${to}-01`).endOf('month').format('YYYY-MM-DD'),
  };

  const header = (
    <Flex gap={8} wrap align="center" className="filter-bar no-print" data-testid="dash-filters">
      <OrgPicker
        value={regionId ?? d?.region.id}
        onChange={(id) => update({ region: id })}
        placeholder={t('dash.region')}
        style={{ width: 200 }}
        popupWidth={320}
        data-testid="dash-region"
      />
      <Segmented<Preset | 'custom'>
        value={preset ?? 'custom'}
        options={[
          ...PRESETS.map((p) => ({
            value: p,
            label: t(`dash.preset.${p}`, {
              month:
                locale === 'en-US'
                  ? dayjs(`${thisMonth}-01`).format('MMM')
                  : String(Number(thisMonth.slice(5))),
            }),
          })),
          { value: 'custom', label: t('dash.preset.custom'), disabled: true },
        ]}
        onChange={(p) => {
          if (p === 'custom') return;
          const [a, b] = presetRange(p, thisMonth);
          update({ from: a, to: b });
        }}
        data-testid="dash-preset"
      />
      <DatePicker.RangePicker
        picker="month"
        allowClear={false}
        value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
        disabledDate={(m) => m.format('YYYY-MM') > thisMonth}
        onChange={(v) => {
          if (v?.[0] && v[1]) update({ from: v[0].format('YYYY-MM'), to: v[1].format('YYYY-MM') });
        }}
        data-testid="dash-range"
      />
      {d?.region.parentId ? (
        <Button icon={<ArrowUpOutlined />} onClick={() => update({ region: d.region.parentId ?? undefined })}>
          {t('dash.up')}
        </Button>
      ) : null}
      <Button icon={<ReloadOutlined />} onClick={() => void req.reload()} aria-label={t('common.refresh')} />
    </Flex>
  );

  return (
    <Card
      title={d ? t('dash.title', { region: d.region.name }) : t('module.dashboard.name')}
      extra={
        d ? (
          <Flex gap={12} align="center" wrap>
            <Typography.Text type="secondary">
              {t('dash.compare', { from: d.lastYear.from, to: d.lastYear.to })}
            </Typography.Text>
            <Button
              className="no-print"
              icon={<TableOutlined />}
              onClick={() => navigate(`/dashboard/monthly?region=${d.region.id}&month=${to}`)}
              data-testid="dash-monthly"
            >
              {t('dash.monthly')}
            </Button>
            <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('dash.print')}
            </Button>
            <Button
              className="no-print"
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={doExport}
              data-testid="dash-export"
            >
              {t('dash.export')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {header}
      {req.error ? (
        <Alert type="error" showIcon title={req.error.message} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <DashboardBody
          d={d}
          today={today}
          projectsLink={projectsLink}
          periodDays={periodDays}
          onRegion={(id) => update({ region: id })}
          onCopy={async (text) => {
            const ok = await copyText(text);
            if (ok) message.success(t('dash.bulletin.copied'));
            else message.error(t('dash.bulletin.copyFailed'));
          }}
          onProjects={(q) => navigate(projectsLink(q))}
          formatNumber={formatNumber}
        />
      )}
    </Card>
  );
}

function DashboardBody({
  d,
  today,
  projectsLink,
  periodDays,
  onRegion,
  onCopy,
  onProjects,
  formatNumber,
}: {
  d: Dashboard;
  today: string;
  projectsLink: (q: Record<string, string | undefined>) => string;
  periodDays: { reachedFrom: string; reachedTo: string };
  onRegion: (id: string) => void;
  onCopy: (text: string) => void;
  onProjects: (q: Record<string, string | undefined>) => void;
  formatNumber: (v: number, digits?: number) => string;
}) {
  const { t, locale } = useI18n();
  const p = d.pipeline;
  const cur = p.current;
  const ly = p.lastYear;
  const money = (fen: number) => (locale === 'en-US' ? yuanEn(fen) : yuanZh(fen));
  const stage = (x: PipelinePeriod, s: string) => x.byStatus.find((b) => b.status === s)?.count ?? 0;
  const rate = (v: number | null) => formatPercent(v);
  const yi = (fen: number) => bigMoney(fen, locale);
  const bulletinText = bulletin(d, locale, today);
  const [mapMetric, setMapMetric] = useState<MapMetric>('signedInvestment');
  const [rankingView, setRankingView] = useState<'table' | 'chart'>('table');

  const kpis = (
    <Row gutter={[12, 12]} data-testid="dash-kpis">
      <Col xs={12} md={8} xl={6}>
        <Kpi
          testId="kpi-signed"
          label={t('dash.kpi.newlySigned')}
          value={formatNumber(cur.newlySigned.count)}
          unit={t('dash.unit.projects')}
          current={cur.newlySigned.count}
          lastYear={ly.newlySigned.count}
          lastYearText={formatNumber(ly.newlySigned.count)}
          to={projectsLink({ reached: 'signed', ...periodDays })}
        />
      </Col>
      <Col xs={12} md={8} xl={6}>
        <Kpi
          testId="kpi-signed-investment"
          label={t('dash.kpi.signedInvestment')}
          value={yi(cur.newlySigned.investmentFen)}
          unit={t('dash.unit.yi')}
          current={cur.newlySigned.investmentFen}
          lastYear={ly.newlySigned.investmentFen}
          lastYearText={yi(ly.newlySigned.investmentFen)}
          to={projectsLink({ reached: 'signed', ...periodDays })}
        />
      </Col>
      <Col xs={12} md={8} xl={6}>
        <Kpi
          testId="kpi-negotiating"
          label={t('dash.kpi.negotiating')}
          value={formatNumber(stage(cur, 'negotiating'))}
          unit={t('dash.unit.projects')}
          current={stage(cur, 'negotiating')}
          lastYear={stage(ly, 'negotiating')}
          lastYearText={formatNumber(stage(ly, 'negotiating'))}
          hint={t('dash.hint.atEnd')}
          to={projectsLink({ status: 'negotiating' })}
        />
      </Col>
      <Col xs={12} md={8} xl={6}>
        <Kpi
          testId="kpi-started"
          label={t('dash.kpi.newlyStarted')}
          value={formatNumber(cur.newlyStarted.count)}
          unit={t('dash.unit.projects')}
          current={cur.newlyStarted.count}
          lastYear={ly.newlyStarted.count}
          lastYearText={formatNumber(ly.newlyStarted.count)}
          to={projectsLink({ reached: 'started', ...periodDays })}
        />
      </Col>
      <Col xs={12} md={8} xl={6}>
        <Kpi
          testId="kpi-start-rate"
          label={t('dash.kpi.startRate')}
          value={rate(cur.startRate)}
          hint={t('dash.hint.startRate')}
          lastYearText={rate(ly.startRate)}
          current={cur.startRate ?? undefined}
          lastYear={ly.startRate ?? undefined}
        />
      </Col>
      <Col xs={12} md={8} xl={6}>
        <Kpi
          testId="kpi-production-rate"
          label={t('dash.kpi.productionRate')}
          value={rate(cur.productionRate)}
          hint={t('dash.hint.productionRate')}
          lastYearText={rate(ly.productionRate)}
          current={cur.productionRate ?? undefined}
          lastYear={ly.productionRate ?? undefined}
        />
      </Col>
      <Col xs={12} md={8} xl={6}>
        <Kpi
          testId="kpi-funds-rate"
          label={t('dash.kpi.fundsRate')}
          value={rate(cur.fundsInPlaceRate)}
          hint={t('dash.hint.fundsRate', {
            funds: money(cur.fundsInPlaceFen),
            contracted: money(cur.contractedFen),
          })}
          lastYearText={rate(ly.fundsInPlaceRate)}
          current={cur.fundsInPlaceRate ?? undefined}
          lastYear={ly.fundsInPlaceRate ?? undefined}
        />
      </Col>
      {(['signToStart', 'startToProduction', 'signToProduction'] as const).map((k) => (
        <Col xs={12} md={8} xl={6} key={k}>
          <Kpi
            testId={`kpi-days-${k}`}
            label={t(`dash.kpi.days.${k}`)}
            value={cur.averageDays[k] === null ? '—' : formatNumber(cur.averageDays[k], 1)}
            unit={cur.averageDays[k] === null ? undefined : t('dash.unit.days')}
            hint={t('dash.hint.days')}
            lastYearText={ly.averageDays[k] === null ? '—' : formatNumber(ly.averageDays[k], 1)}
          />
        </Col>
      ))}
      <Col xs={12} md={8} xl={6}>
        <Kpi
          testId="kpi-fulfilment"
          label={t('dash.kpi.fulfilment')}
          value={rate(cur.fulfilmentRate)}
          hint={t('dash.hint.fulfilment', { due: cur.promisesDue, kept: cur.promisesFulfilled })}
          lastYearText={rate(ly.fulfilmentRate)}
          current={cur.fulfilmentRate ?? undefined}
          lastYear={ly.fulfilmentRate ?? undefined}
        />
      </Col>
      <Col xs={12} md={8} xl={6}>
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
      </Col>
    </Row>
  );

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
          {shares(p.byIndustry, (k) => industrySectionName(k, locale), 'industry', 'dash-industries')}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('dash.chart.originTitle')}>
          {shares(p.byOrigin, (k) => t(`project.origin.${k}` as never), 'origin', 'dash-origins')}
        </Card>
      </Col>
    </Row>
  );

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

  return (
    <Flex vertical gap={12}>
      {kpis}
      <Card
        size="small"
        title={t('dash.bulletin.title')}
        extra={
          <Button
            size="small"
            className="no-print"
            icon={<CopyOutlined />}
            onClick={() => onCopy(bulletinText)}
            data-testid="dash-copy"
          >
            {t('dash.bulletin.copy')}
          </Button>
        }
      >
        <Typography.Paragraph className="dash-bulletin" data-testid="dash-bulletin">
          {bulletinText}
        </Typography.Paragraph>
      </Card>
      <ModuleSections d={d} bigMoney={yi} days={{ from: periodDays.reachedFrom, to: periodDays.reachedTo }} />
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
      {p.byRegion.length > 0 ? (
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
      ) : null}
    </Flex>
  );
}
