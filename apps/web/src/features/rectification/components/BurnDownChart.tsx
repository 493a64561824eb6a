import type { CampaignFigures } from '@yingshang/contracts';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useI18n } from '../../../app/i18n/i18n-context';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Open tasks day by day against the straight line to zero on the deadline. */
export function BurnDownChart({ points }: { points: CampaignFigures['burnDown'] }) {
  const { t } = useI18n();
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('rect.fig.remaining'), t('rect.fig.ideal')], bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: points.map((p) => p.day), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('rect.fig.remaining'),
        type: 'line',
        data: points.map((p) => p.remaining),
        areaStyle: { opacity: 0.15 },
        showSymbol: false,
      },
      {
        name: t('rect.fig.ideal'),
        type: 'line',
        data: points.map((p) => p.ideal),
        lineStyle: { type: 'dashed' },
        showSymbol: false,
      },
    ],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      style={{ height: 260 }}
      opts={{ renderer: 'svg' }}
      notMerge
      data-testid="burn-down"
    />
  );
}
