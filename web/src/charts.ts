import { use, type ComposeOption } from 'echarts/core';
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  TitleComponent,
  DataZoomComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type TitleComponentOption,
  type DataZoomComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the console draws is registered, which keeps the chart bundle a fraction of full ECharts.
use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, DataZoomComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | TitleComponentOption
  | DataZoomComponentOption
>;

/** Headless Chromium has no PingFang or YaHei; WenQuanYi keeps Chinese legible in screenshots and CI. */
export const chartFont = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", system-ui, sans-serif';

export const palette = ['#2563eb', '#0d9488', '#f59e0b', '#e11d48', '#7c3aed', '#0891b2', '#65a30d', '#db2777', '#64748b'];

/** Each insurance scheme keeps one colour on every chart. */
const schemeColours: Record<string, string> = {
  '110': '#2563eb',
  '170': '#60a5fa',
  '310': '#0d9488',
  '390': '#5eead4',
  '210': '#f59e0b',
  '410': '#e11d48',
  '510': '#a855f7',
};

export function schemeColour(scheme: string, index = 0): string {
  return schemeColours[scheme] ?? palette[index % palette.length];
}

export const axisLabelColour = '#64748b';
export const splitLineColour = '#e2e8f0';
