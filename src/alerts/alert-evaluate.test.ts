import { describe, it, expect } from 'vitest';
import { seededRandom } from '../platform/clock.ts';
import { addMonths, evaluateRule, robustZ, type RegionSeries } from './alert-evaluate.ts';
import { alertRuleSchema, type AlertRuleInput } from './alert-rules.ts';

const rule = (r: AlertRuleInput) => alertRuleSchema.parse(r);
const monthly = (values: (number | null)[], start = '2024-01'): RegionSeries => ({
  region: '510104',
  periods: values.map((_, i) => addMonths(start, i)),
  values,
});
const base = { id: 'r', zh: '测试', en: 'test', indicator: 'X' };

describe('alert evaluation', () => {
  it('threshold: the highest level met wins, with the limit as evidence', () => {
    const r = rule({ ...base, kind: 'threshold', direction: 'above', levels: { yellow: 4, orange: 5, red: 6 } });
    const [f] = evaluateRule(r, monthly([3, 5.2]), seededRandom(1));
    expect(f).toMatchObject({ level: 'orange', period: '2024-02', evidence: { value: 5.2, limit: 5 } });
    expect(f.zh).toContain('橙色预警');
    expect(f.en).toContain('orange alert');
    expect(evaluateRule(r, monthly([3, 3.9]), seededRandom(1))).toEqual([]);
  });

  it('yoy: compares with the same month a year earlier and ignores tiny bases', () => {
    const r = rule({ ...base, kind: 'yoy', direction: 'above', minBase: 5, levels: { yellow: 50, red: 100 } });
    const values = Array.from({ length: 13 }, () => 10);
    values[12] = 21;
    const [f] = evaluateRule(r, monthly(values), seededRandom(1));
    expect(f).toMatchObject({ level: 'red', evidence: { lastYear: 10, lastYearPeriod: '2024-01' } });
    expect(f.evidence.change).toBeCloseTo(110, 10);
    const tiny = Array.from({ length: 13 }, () => 1);
    tiny[12] = 9;
    expect(evaluateRule(r, monthly(tiny), seededRandom(1))).toEqual([]);
  });

  it('anomaly: robust z against the trailing window, robust to the outlier itself', () => {
    const r = rule({ ...base, kind: 'anomaly', direction: 'above', window: 12, minHistory: 6, minChange: 5, lookback: 2, levels: { yellow: 3, orange: 5, red: 8 } });
    const calm = [10, 12, 9, 11, 10, 8, 13, 10, 11, 9, 12, 10];
    const findings = evaluateRule(r, monthly([...calm, 60, 80]), seededRandom(1));
    expect(findings.map((f) => [f.period, f.level])).toEqual([['2025-01', 'red'], ['2025-02', 'red']]);
    expect(robustZ(10, calm).median).toBe(10);
    // A small move in a flat series is not news, whatever its z.
    expect(evaluateRule(r, monthly([...Array(12).fill(0), 3]), seededRandom(1))).toEqual([]);
  });

  it('forecast: alerts when the interval (possible) or the forecast (expected) crosses the limit', () => {
    const r = rule({
      ...base, kind: 'forecast', direction: 'below', horizon: 6, model: 'drift', minHistory: 12,
      levels: { yellow: { limit: 12, on: 'interval80' }, orange: { limit: 12, on: 'mean' }, red: { limit: 6, on: 'mean' } },
    });
    const declining = Array.from({ length: 30 }, (_, t) => 30 - 0.5 * t + 0.3 * Math.sin(t));
    const [f] = evaluateRule(r, monthly(declining), seededRandom(1));
    // The last value is about 15.5 and falling 0.5 a month: the forecast crosses 12 in month 7-8, beyond the
    // horizon, but the 80% interval's lower side crosses earlier.
    expect(f.level).toBe('yellow');
    expect(f.evidence).toMatchObject({ model: 'Drift', limit: 12, on: 'interval80' });
    expect((f.evidence.forecast as unknown[]).length).toBe(6);
    const steeper = Array.from({ length: 30 }, (_, t) => 40 - 1.2 * t);
    expect(evaluateRule(r, monthly(steeper), seededRandom(1))[0].level).toBe('red');
  });

  it('rejects malformed rules with the reason', () => {
    expect(alertRuleSchema.safeParse({ ...base, kind: 'threshold', direction: 'sideways', levels: { red: 1 } }).success).toBe(false);
    expect(alertRuleSchema.safeParse({ ...base, kind: 'threshold', direction: 'above', levels: {} }).success).toBe(false);
    expect(alertRuleSchema.safeParse({ ...base, id: 'Bad Id', kind: 'threshold', direction: 'above', levels: { red: 1 } }).success).toBe(false);
  });
});
