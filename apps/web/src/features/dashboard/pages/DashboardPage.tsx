import {
  ArrowUpOutlined,
  CopyOutlined,
  DownloadOutlined,
  PrinterOutlined,
  ReloadOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { Dashboard } from '@yingshang/contracts';
import { Alert, App, Button, Card, DatePicker, Flex, Segmented, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { copyText } from '../../../app/clipboard';
import { useI18n } from '../../../app/i18n/i18n-context';
import { beijingToday, OrgPicker, saveBlob } from '../../../kit';
import { dashboardApi } from '../api';
import { bulletin } from '../bulletin';
import { ModuleSections } from '../components/ModuleSections';
import { PipelineCharts } from '../components/PipelineCharts';
import { PipelineKpis } from '../components/PipelineKpis';
import { RegionRanking } from '../components/RegionRanking';
import { bigMoney } from '../units';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
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

/** 招商驾驶舱: any run of months, any region in the user's area, every figure against last year. */
export function DashboardPage() {
  const { t, locale } = useI18n();
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
}: {
  d: Dashboard;
  today: string;
  projectsLink: (q: Record<string, string | undefined>) => string;
  periodDays: { reachedFrom: string; reachedTo: string };
  onRegion: (id: string) => void;
  onCopy: (text: string) => void;
  onProjects: (q: Record<string, string | undefined>) => void;
}) {
  const { t, locale } = useI18n();
  const yi = (fen: number) => bigMoney(fen, locale);
  const bulletinText = bulletin(d, locale, today);

  return (
    <Flex vertical gap={12}>
      <PipelineKpis d={d} projectsLink={projectsLink} periodDays={periodDays} onProjects={onProjects} />
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
      <PipelineCharts d={d} periodDays={periodDays} onProjects={onProjects} />
      <RegionRanking d={d} onRegion={onRegion} />
    </Flex>
  );
}
