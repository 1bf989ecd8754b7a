import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { defineAction, type CliContext } from '../cli/command-kit.ts';
import type { Printable, TextTable } from '../cli/printer.ts';
import { AppError } from '../platform/errors.ts';
import { forecasterNamed, modelNames } from './forecast-models.ts';
import type { SeriesJob, SeriesOutcome } from './forecast-job.ts';
import { forecastAll } from './forecast-pool.ts';
import { readSeriesFile, writeForecastFile } from './forecast-store.ts';
import { formatPeriod, frequencyOf, outputHeader, outputLine, parseSeriesCsv, type InputSeries, type RowProblem } from './series-input.ts';

export interface ForecastOptions {
  input: string;
  horizon: string;
  output: string;
  model: string;
  level: string;
  frequency?: string;
  workers?: string;
}

export function parseLevels(text: string): number[] {
  const levels = text.split(',').map((s) => Number(s.trim()));
  if (levels.length === 0 || levels.some((l) => !Number.isFinite(l) || l <= 0 || l >= 100)) {
    throw new AppError('INPUT_INVALID', {
      zh: `置信水平「${text}」无效：应为 0 到 100 之间的数，用逗号分隔，如 80,95。`,
      en: `Levels "${text}" are invalid: give numbers between 0 and 100 separated by commas, e.g. 80,95.`,
    });
  }
  return levels;
}

function positiveInteger(text: string, name: string, max: number): number {
  const v = Number(text);
  if (Number.isInteger(v) && v >= 1 && v <= max) return v;
  throw new AppError('INPUT_INVALID', { zh: `${name} 应为 1 到 ${max} 之间的整数，收到「${text}」。`, en: `${name} must be an integer from 1 to ${max}; got "${text}".` });
}

export interface ForecastRunSummary {
  series: number;
  fitted: number;
  failed: number;
  badRows: number;
  seconds: number;
  /** CPU time of the whole process (all threads): comparable across machines and loads, unlike seconds. */
  cpuSeconds: number;
  seriesPerSecond: number;
  models: Record<string, number>;
  problems: RowProblem[];
  failures: { seriesId: string; code: string; zh: string; en: string }[];
  gapsFilled: { seriesId: string; periods: string[] }[];
  output: string;
}

function outputLines(series: InputSeries[], outcomes: SeriesOutcome[], levels: number[], horizon: number): string[] {
  const lines = [outputHeader(levels)];
  outcomes.forEach((o, i) => {
    if (!o.ok) return;
    const s = series[i];
    const last = s.start + s.values.length - 1;
    for (let k = 0; k < horizon; k++) {
      const bounds = levels.flatMap((_, li) => [o.lower[li][k], o.upper[li][k]]);
      lines.push(outputLine({ seriesId: s.id, period: formatPeriod(s.kind, last + k + 1), step: k + 1, model: o.model, forecast: o.mean[k], bounds }));
    }
  });
  return lines;
}

export async function runForecastBatch(opts: ForecastOptions, ctx: Pick<CliContext, 'interactive'>): Promise<ForecastRunSummary> {
  const horizon = positiveInteger(opts.horizon, '--horizon', 10000);
  const levels = parseLevels(opts.level);
  forecasterNamed(opts.model);
  const frequency = opts.frequency ? positiveInteger(opts.frequency, '--frequency', 1000) : undefined;
  const workers = opts.workers ? positiveInteger(opts.workers, '--workers', 256) : availableParallelism();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const parsed = parseSeriesCsv(readSeriesFile(opts.input));
  const jobs: SeriesJob[] = parsed.series.map((s) => ({ id: s.id, values: s.values, frequency: frequency ?? frequencyOf(s.kind) }));
  const bar = ctx.interactive && jobs.length > 0 ? new cliProgress.SingleBar({ stream: process.stderr, hideCursor: true, format: '预测 forecasting [{bar}] {value}/{total} series | {eta}s' }, cliProgress.Presets.shades_classic) : null;
  bar?.start(jobs.length, 0);
  const outcomes = await forecastAll(jobs, { model: opts.model, horizon, levels }, { workers, onProgress: (done) => bar?.update(done) });
  bar?.stop();
  writeForecastFile(opts.output, outputLines(parsed.series, outcomes, levels, horizon));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const models: Record<string, number> = {};
  const failures: ForecastRunSummary['failures'] = [];
  for (const o of outcomes) {
    if (o.ok) models[o.family] = (models[o.family] ?? 0) + 1;
    else failures.push({ seriesId: o.id, code: o.code, zh: o.zh, en: o.en });
  }
  const fitted = outcomes.length - failures.length;
  return {
    series: jobs.length,
    fitted,
    failed: failures.length,
    badRows: parsed.problems.length,
    seconds: Number(seconds.toFixed(3)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
    seriesPerSecond: Number((jobs.length / Math.max(seconds, 1e-9)).toFixed(1)),
    models,
    problems: parsed.problems,
    failures,
    gapsFilled: parsed.series.filter((s) => s.filled.length > 0).map((s) => ({ seriesId: s.id, periods: s.filled })),
    output: opts.output,
  };
}

export function summaryPrintable(s: ForecastRunSummary): Printable {
  const tables: TextTable[] = [
    {
      title: '批量预测汇总 Batch forecast summary',
      columns: ['序列 series', '成功 fitted', '失败 failed', '坏行 bad rows', '秒 seconds', 'CPU 秒 CPU s', '序列/秒 series/s'],
      rows: [[s.series, s.fitted, s.failed, s.badRows, s.seconds, s.cpuSeconds, s.seriesPerSecond]],
    },
    { title: '所选模型 Chosen models', columns: ['模型 model', '序列数 series'], rows: Object.entries(s.models).sort((a, b) => b[1] - a[1]) },
  ];
  if (s.problems.length) {
    tables.push({ title: '未使用的输入行 Rows not used', columns: ['行 line', '代码 code', '说明', 'reason'], rows: s.problems.map((p) => [p.line, p.code, p.zh, p.en]) });
  }
  if (s.failures.length) {
    tables.push({ title: '未能预测的序列 Series not forecast', columns: ['序列 series', '代码 code', '说明', 'reason'], rows: s.failures.map((f) => [f.seriesId, f.code, f.zh, f.en]) });
  }
  const lines = [`输出 output: ${s.output}`];
  for (const g of s.gapsFilled) lines.push(`序列 ${g.seriesId} 缺失期间已按线性插值补齐 / gaps filled by linear interpolation: ${g.periods.join(', ')}`);
  return { data: s, text: { tables, lines } };
}

export function registerForecastCommands(program: Command, ctx: CliContext): void {
  program
    .command('forecast')
    .description('批量预测长格式 CSV（series_id,period,value）/ forecast every series of a long-form CSV')
    .requiredOption('--input <file>', '输入 CSV / input CSV')
    .requiredOption('--horizon <H>', '预测步数 / steps ahead')
    .requiredOption('--output <file>', '输出 CSV / output CSV')
    .option('--model <name>', `模型 / model: ${modelNames.join('|')}`, 'auto')
    .option('--level <list>', '预测区间置信水平 / interval levels', '80,95')
    .option('--frequency <N>', '季节周期（默认按期间推断 12/4/1）/ season length (default inferred)')
    .option('--workers <N>', '并行线程数（默认全部核心）/ worker threads (default: all cores)')
    .action(
      defineAction(ctx, async (opts: ForecastOptions) => summaryPrintable(await runForecastBatch(opts, ctx))),
    );
}
