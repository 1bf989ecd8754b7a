import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { economySignals, paramsInForce, signalParamsSchema } from './economy-signal.ts';
import { detectCpiForm, yoyInflation, type MonthlyPoint } from './monthly-series.ts';
import { phillipsView } from './phillips-curve.ts';

/** FRED-MD (McCracken & Ng 2016): US unemployment rate and CPI level, 1959-01 … 2023-09. */
const file = resolve(import.meta.dirname, '../../../shared/data/fred-md/us-unemployment-cpi-monthly.csv');
const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
const columns = header.split(',');
const seriesOf = (name: string): MonthlyPoint[] =>
  rows.map((r) => r.split(',')).map((c) => ({ period: c[0].slice(0, 7), value: Number(c[columns.indexOf(name)]) }));
const unrate = seriesOf('UNRATE');
const cpi = seriesOf('CPIAUCSL');

describe('unemployment with inflation (FRED-MD)', () => {
  const inflation = yoyInflation(cpi, detectCpiForm(cpi.map((p) => p.value)));
  const signals = new Map(economySignals(unrate, inflation, signalParamsSchema.parse({ inflationTarget: 2 })).map((s) => [s.period, s]));

  it('recognises CPI forms and computes y/y inflation', () => {
    expect(detectCpiForm(cpi.map((p) => p.value))).toBe('level');
    expect(detectCpiForm([102.1, 101.8, 102.5, 103.0, 102.2, 101.9])).toBe('yoy-index');
    expect(detectCpiForm([2.1, 1.8, 2.5, -0.3])).toBe('yoy-percent');
    const sept2008 = inflation.find((p) => p.period === '2008-09');
    expect(sept2008?.value).toBeCloseTo(4.95, 1);
  });

  it('flags September 2008 as a slowdown, with its reasons', () => {
    const s = signals.get('2008-09');
    expect(s?.signal).toBe('slowdown');
    expect(s?.facts.sahm).toBeGreaterThanOrEqual(0.5);
    expect(s?.facts.inflationMomentum).toBe('falling');
    expect(s?.reasonsZh.join('')).toContain('萨姆指标');
    expect(signals.get('2009-03')?.signal).toBe('slowdown');
  });

  it('flags spring 2022 as overheating and a calm month as neutral', () => {
    expect(signals.get('2022-04')?.signal).toBe('overheating');
    expect(signals.get('2019-06')?.signal).toBe('neutral');
  });

  it('fits a downward-sloping Phillips curve in the 1960s and reports rolling slopes', () => {
    const sixties = phillipsView(unrate.filter((p) => p.period < '1970-01'), inflation, 108, 12);
    expect(sixties.fit?.slope).toBeLessThan(0);
    const all = phillipsView(unrate, inflation, 120, 12);
    expect(all.rolling.length).toBeGreaterThan(40);
    expect(all.rolling[all.rolling.length - 1].to).toBe('2023-09');
    expect(all.points.length).toBe(inflation.length);
  });
});

describe('inflation target in force for the month judged', () => {
  const base = signalParamsSchema.parse({ inflationTarget: 3 });
  const schedule = [
    { ...base, effectiveFrom: '2021-01-01' },
    { ...base, inflationTarget: 2, effectiveFrom: '2025-01-01' },
  ];
  // Two identical years: unemployment drifting down to a 3-year low, inflation climbing 1.5 → 3.5 in Q4.
  const months = Array.from({ length: 60 }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const unemployment = months.map((period, i) => ({ period, value: 5.5 - i * 0.01 }));
  const inflation = months.map((period) => ({ period, value: ({ '10': 2.5, '11': 3.0, '12': 3.5 } as Record<string, number>)[period.slice(5)] ?? 1.5 }));

  it('takes the latest version that has started, and the first one before any has', () => {
    expect(paramsInForce(schedule, '2024-12-31').inflationTarget).toBe(3);
    expect(paramsInForce(schedule, '2025-01-01').inflationTarget).toBe(2);
    expect(paramsInForce([...schedule].reverse(), '2030-06-01').inflationTarget).toBe(2);
    expect(paramsInForce(schedule, '2019-05-01').effectiveFrom).toBe('2021-01-01');
  });

  it('reads the same 3.5% inflation as on target in 2024 (3% ± 1) and as overheating in 2025 (2% ± 1)', () => {
    const signals = new Map(economySignals(unemployment, inflation, schedule).map((s) => [s.period, s]));
    expect(signals.get('2024-12')).toMatchObject({ signal: 'neutral', target: { inflationTarget: 3, effectiveFrom: '2021-01-01' } });
    expect(signals.get('2025-12')).toMatchObject({ signal: 'overheating', target: { inflationTarget: 2, effectiveFrom: '2025-01-01' } });
    expect(signals.get('2025-12')?.reasonsZh[1]).toContain('目标 2% ± 1（2025-01-01 起）');
    // One fixed set of parameters judges every month alike (what the signal did before the schedule).
    expect(economySignals(unemployment, inflation, { ...base, inflationTarget: 2 }).find((s) => s.period === '2024-12')?.signal).toBe('overheating');
  });
});
