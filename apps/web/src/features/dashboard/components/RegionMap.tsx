import { Empty, Skeleton } from 'antd';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, SVGRenderer]);

/** Boundary files under /maps (scripts/gen-maps.ts): the province by city, each city by county. */
const loaded = new Map<string, Promise<boolean>>();
function loadMap(code: string): Promise<boolean> {
  let p = loaded.get(code);
  if (!p) {
    p = fetch(`/maps/${code}.json`)
      .then(async (r) => {
        if (!r.ok) return false;
        echarts.registerMap(code, await r.json());
        return true;
      })
      .catch(() => false);
    loaded.set(code, p);
  }
  return p;
}

export interface MapValue {
  code: string;
  name: string;
  value: number;
  /** Shown in the tooltip. */
  label: string;
}

/**
 * A province or city coloured by a figure of its cities or counties; a click drills into one.
 * Zones are not administrative areas and have no shape: they stay in the ranking beside the map.
 */
export function RegionMap({
  code,
  values,
  onPick,
}: {
  code: string;
  values: MapValue[];
  onPick: (code: string) => void;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<'loading' | 'ready' | 'none'>('loading');
  useEffect(() => {
    let live = true;
    setState('loading');
    void loadMap(code).then((ok) => live && setState(ok ? 'ready' : 'none'));
    return () => {
      live = false;
    };
  }, [code]);
  if (state === 'loading') return <Skeleton.Node active style={{ width: '100%', height: 320 }} />;
  if (state === 'none') return <Empty description={t('dash.map.none')} />;
  const max = Math.max(1, ...values.map((v) => v.value));
  const byCode = new Map(values.map((v) => [v.code, v]));
  return (
    <div data-testid="dash-map">
      <ReactEChartsCore
        echarts={echarts}
        style={{ height: 360 }}
        notMerge
        option={{
          animation: false,
          tooltip: {
            trigger: 'item',
            formatter: (p: { data?: { code: string }; name: string }) => {
              const v = p.data && byCode.get(p.data.code);
              return v ? `${v.name}<br/>${v.label}` : p.name;
            },
          },
          visualMap: {
            min: 0,
            max,
            left: 8,
            bottom: 8,
            calculable: false,
            inRange: { color: ['#e6f4ff', '#1677ff', '#003eb3'] },
            text: [t('dash.map.high'), t('dash.map.low')],
          },
          series: [
            {
              type: 'map',
              map: code,
              nameProperty: 'code',
              roam: false,
              label: {
                show: true,
                fontSize: 10,
                formatter: (p: { data?: { label: string }; name: string }) => byCode.get(p.name)?.name ?? '',
              },
              emphasis: { label: { show: true } },
              data: values.map((v) => ({ name: v.code, code: v.code, value: v.value })),
            },
          ],
        }}
        onEvents={{ click: (e: { name: string }) => byCode.has(e.name) && onPick(e.name) }}
      />
    </div>
  );
}
