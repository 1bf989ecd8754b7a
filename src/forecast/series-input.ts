import type { Problem } from '../platform/errors.ts';
import { csvField, splitCsvLine } from '../platform/csv-line.ts';

/**
 * Parses the long-form CSV `series_id,period,value` into series, and reports every row it cannot use with its
 * line number (Chinese and English) instead of dropping it. Pure: takes the text, returns data.
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'integer';

export interface ParsedPeriod {
  kind: PeriodKind;
  /** Consecutive periods have consecutive indices (month: year·12 + month − 1). */
  index: number;
}

export interface InputSeries {
  id: string;
  kind: PeriodKind;
  /** Index of the first period. */
  start: number;
  values: number[];
  /** Periods missing inside the series that were filled by linear interpolation. */
  filled: string[];
  /** First line of the series in the file, for messages. */
  line: number;
}

export interface RowProblem extends Problem {
  line: number;
  seriesId?: string;
}

export interface ParsedInput {
  series: InputSeries[];
  problems: RowProblem[];
  rows: number;
}

export function parsePeriod(text: string): ParsedPeriod | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', index: Number(m[1]) * 12 + month - 1 } : null;
  }
  m = /^(\d{4})-?Q([1-4])$/i.exec(s);
  if (m) return { kind: 'quarter', index: Number(m[1]) * 4 + Number(m[2]) - 1 };
  m = /^(\d{4})$/.exec(s);
  if (m) return { kind: 'year', index: Number(m[1]) };
  if (/^-?\d{1,9}$/.test(s)) return { kind: 'integer', index: Number(s) };
  return null;
}

export function formatPeriod(kind: PeriodKind, index: number): string {
  if (kind === 'month') return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  if (kind === 'quarter') return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  return String(index);
}

export function frequencyOf(kind: PeriodKind): number {
  return kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1;
}

export { splitCsvLine };

const HEADER_ALIASES: Record<string, 'series_id' | 'period' | 'value'> = {
  series_id: 'series_id', series: 'series_id', id: 'series_id', 序列: 'series_id', 序列编号: 'series_id',
  period: 'period', date: 'period', 期间: 'period', 统计期: 'period',
  value: 'value', 值: 'value', 指标值: 'value',
};

const problem = (line: number, code: string, zh: string, en: string, seriesId?: string): RowProblem => ({ line, code, zh, en, seriesId });

export function parseSeriesCsv(text: string): ParsedInput {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: RowProblem[] = [];
  const header = splitCsvLine(lines[0] ?? '').map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? HEADER_ALIASES[h.trim()]);
  const col = { series_id: header.indexOf('series_id'), period: header.indexOf('period'), value: header.indexOf('value') };
  if (col.series_id < 0 || col.period < 0 || col.value < 0) {
    problems.push(problem(1, 'HEADER_INVALID', '表头应为 series_id,period,value。', 'The header must be series_id,period,value.'));
    return { series: [], problems, rows: 0 };
  }
  const bySeries = new Map<string, { kind: PeriodKind; line: number; points: Map<number, number> }>();
  let rows = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].trim() === '') continue;
    rows++;
    const cells = splitCsvLine(lines[i]);
    if (cells.length < header.length) {
      problems.push(problem(line, 'COLUMNS_MISSING', `第 ${line} 行列数不足（${cells.length} 列）。`, `Line ${line} has too few columns (${cells.length}).`));
      continue;
    }
    const id = cells[col.series_id].trim();
    const rawPeriod = cells[col.period].trim();
    const rawValue = cells[col.value].trim();
    if (!id) {
      problems.push(problem(line, 'SERIES_ID_MISSING', `第 ${line} 行缺少序列编号。`, `Line ${line} has no series_id.`));
      continue;
    }
    const period = parsePeriod(rawPeriod);
    if (!period) {
      problems.push(problem(line, 'PERIOD_INVALID', `第 ${line} 行期间「${rawPeriod}」无法识别：应为 YYYY-MM、YYYY-Qn、YYYY 或整数。`, `Line ${line}: period "${rawPeriod}" is not YYYY-MM, YYYY-Qn, YYYY or an integer.`, id));
      continue;
    }
    const value = rawValue === '' ? NaN : Number(rawValue);
    if (!Number.isFinite(value)) {
      problems.push(problem(line, 'VALUE_INVALID', `第 ${line} 行数值「${rawValue}」不是有限数字。`, `Line ${line}: value "${rawValue}" is not a finite number.`, id));
      continue;
    }
    let s = bySeries.get(id);
    if (!s) bySeries.set(id, (s = { kind: period.kind, line, points: new Map() }));
    const kindsAgree = s.kind === period.kind || (['year', 'integer'].includes(s.kind) && ['year', 'integer'].includes(period.kind));
    if (!kindsAgree) {
      problems.push(problem(line, 'PERIOD_KIND_MIXED', `第 ${line} 行期间格式与序列「${id}」前面的行不一致。`, `Line ${line}: period format differs from earlier rows of series "${id}".`, id));
      continue;
    }
    if (s.points.has(period.index)) {
      problems.push(problem(line, 'PERIOD_DUPLICATE', `第 ${line} 行与前面的行重复（序列「${id}」期间 ${rawPeriod}），已保留先出现的值。`, `Line ${line} repeats series "${id}" period ${rawPeriod}; the first value was kept.`, id));
      continue;
    }
    s.points.set(period.index, value);
  }
  const series: InputSeries[] = [];
  for (const [id, s] of bySeries) {
    const indices = [...s.points.keys()].sort((a, b) => a - b);
    const start = indices[0];
    const end = indices[indices.length - 1];
    const values: number[] = [];
    const filled: string[] = [];
    let prev = start;
    for (let idx = start; idx <= end; idx++) {
      const v = s.points.get(idx);
      if (v !== undefined) {
        values.push(v);
        prev = idx;
        continue;
      }
      // Linear interpolation between the neighbours; reported so nobody mistakes it for data.
      let next = idx + 1;
      while (!s.points.has(next)) next++;
      const a = s.points.get(prev) as number;
      const b = s.points.get(next) as number;
      values.push(a + ((b - a) * (idx - prev)) / (next - prev));
      filled.push(formatPeriod(s.kind, idx));
    }
    series.push({ id, kind: s.kind, start, values, filled, line: s.line });
  }
  return { series, problems, rows };
}

export interface OutputRow {
  seriesId: string;
  period: string;
  step: number;
  model: string;
  forecast: number;
  bounds: number[];
}


function num(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(10))) : '';
}

/** `series_id,period,step,model,forecast,lo80,hi80,lo95,hi95` with one lo/hi pair per level. */
export function outputHeader(levels: readonly number[]): string {
  return ['series_id', 'period', 'step', 'model', 'forecast', ...levels.flatMap((l) => [`lo${l}`, `hi${l}`])].join(',');
}

export function outputLine(r: OutputRow): string {
  return [csvField(r.seriesId), r.period, String(r.step), csvField(r.model), num(r.forecast), ...r.bounds.map(num)].join(',');
}
