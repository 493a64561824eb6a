import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** An ECharts chart with only the parts the dashboard uses (bars and lines), drawn as SVG. */
export function Chart({
  option,
  height = 260,
  onClick,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  height?: number;
  onClick?: (dataIndex: number) => void;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        // figures for reading, not a show: drawn at once (and whole in a printout or screenshot)
        option={{ animation: false, ...option }}
        style={{ height }}
        notMerge
        onEvents={onClick ? { click: (e: { dataIndex: number }) => onClick(e.dataIndex) } : undefined}
      />
    </div>
  );
}
