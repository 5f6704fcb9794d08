import { useEffect, useRef } from 'react';

export type ChartSpec = {
  kind: 'bar' | 'line';
  // Bars across (categories on the x axis) or along (on the y axis, for long names).
  horizontal?: boolean;
  categories: readonly string[];
  values: readonly number[];
  unit?: string;
};

// One chart, drawn by ECharts — loaded with the page that shows charts, never in the first bundle,
// and only the parts used (bar and line, axes, tooltip).
const loadEcharts = () => import('./echarts-parts');

export const Chart = ({ spec, height = 260, label }: { spec: ChartSpec; height?: number; label: string }) => {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose: () => void; resize: () => void } | undefined;
    const resize = () => chart?.resize();
    void loadEcharts().then((echarts) => {
      if (disposed || !element.current) return;
      const made = echarts.init(element.current, undefined, { renderer: 'canvas' });
      const category = { type: 'category' as const, data: [...spec.categories], axisLabel: { interval: 0, fontSize: 11 } };
      const value = { type: 'value' as const, name: spec.unit ?? '' };
      made.setOption({
        animation: false,
        grid: { left: spec.horizontal ? 140 : 48, right: 24, top: 28, bottom: spec.horizontal ? 24 : 56 },
        tooltip: { trigger: 'axis' },
        xAxis: spec.horizontal
          ? value
          : { ...category, axisLabel: { ...category.axisLabel, rotate: spec.categories.length > 6 ? 30 : 0 } },
        yAxis: spec.horizontal ? { ...category, inverse: true } : value,
        series: [
          {
            type: spec.kind,
            data: [...spec.values],
            barMaxWidth: 48,
            itemStyle: { color: '#1f4e96' },
            label: { show: true, position: spec.horizontal ? 'right' : 'top' },
          },
        ],
      });
      chart = made;
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [spec]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} data-testid="chart" />;
};
