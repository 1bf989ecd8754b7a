import { axisLabelColour, splitLineColour, type ChartOption } from './charts.ts';

/**
 * A forecast fan chart: history as a line, the forecast as a dashed line, and the 95% and 80% intervals as
 * shaded bands (drawn as an invisible lower line plus a stacked band width, the usual ECharts idiom).
 */
export interface FanPoint {
  period: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface FanLabels {
  history: string;
  forecast: string;
  band80: string;
  band95: string;
}

export function fanChartOption(history: { period: string; value: number }[], forecast: FanPoint[], labels: FanLabels, format: (v: number) => string): ChartOption {
  const periods = [...history.map((p) => p.period), ...forecast.map((p) => p.period)];
  const pad = (n: number) => Array.from({ length: n }, () => null as number | null);
  const lastActual = history.length ? history[history.length - 1].value : null;
  // The forecast line starts at the last actual value so the two read as one path.
  const forecastLine = [...pad(Math.max(0, history.length - 1)), lastActual, ...forecast.map((p) => p.mean)];
  const band = (lo: keyof FanPoint, hi: keyof FanPoint) => ({
    lower: [...pad(history.length), ...forecast.map((p) => p[lo] as number)],
    width: [...pad(history.length), ...forecast.map((p) => (p[hi] as number) - (p[lo] as number))],
  });
  const b95 = band('lo95', 'hi95');
  const b80 = band('lo80', 'hi80');
  const invisible = { lineStyle: { opacity: 0 }, symbol: 'none', silent: true } as const;
  return {
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.history, labels.forecast, labels.band80, labels.band95] },
    tooltip: {
      trigger: 'axis',
      formatter: (items: unknown) => {
        const list = items as { axisValue: string; dataIndex: number }[];
        const i = list[0]?.dataIndex ?? 0;
        const k = i - history.length;
        if (k < 0) return `${periods[i]}<br/>${labels.history}: ${format(history[i].value)}`;
        const p = forecast[k];
        return `${p.period}<br/>${labels.forecast}: ${format(p.mean)}<br/>80%: ${format(p.lo80)} – ${format(p.hi80)}<br/>95%: ${format(p.lo95)} – ${format(p.hi95)}`;
      },
    },
    xAxis: { type: 'category', data: periods, boundaryGap: false, axisLabel: { color: axisLabelColour } },
    yAxis: { type: 'value', scale: true, axisLabel: { color: axisLabelColour, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: splitLineColour } } },
    series: [
      { type: 'line', name: labels.band95, data: b95.lower, stack: 'b95', ...invisible },
      { type: 'line', name: labels.band95, data: b95.width, stack: 'b95', ...invisible, areaStyle: { color: '#93c5fd', opacity: 0.35 } },
      { type: 'line', name: labels.band80, data: b80.lower, stack: 'b80', ...invisible },
      { type: 'line', name: labels.band80, data: b80.width, stack: 'b80', ...invisible, areaStyle: { color: '#3b82f6', opacity: 0.35 } },
      { type: 'line', name: labels.history, data: [...history.map((p) => p.value), ...pad(forecast.length)], symbolSize: 4, lineStyle: { width: 2, color: '#0f172a' }, itemStyle: { color: '#0f172a' } },
      { type: 'line', name: labels.forecast, data: forecastLine, symbolSize: 4, lineStyle: { width: 2, type: 'dashed', color: '#1d4ed8' }, itemStyle: { color: '#1d4ed8' } },
    ],
  };
}
