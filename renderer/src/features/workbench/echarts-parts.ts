// The parts of ECharts the workbench draws with, and nothing else: imported by name so that the
// bundler leaves the rest out, and loaded (by Chart.tsx) only when a chart is shown.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export const init = echarts.init;
