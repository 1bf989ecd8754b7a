import { describe, it, expect } from 'vitest';
import { assumptionAt, sensitivityTable, shiftAssumption } from './sensitivity.ts';

const scenario = { a: { rate: 0.2, growth: [{ from: 2025, value: 0.05 }, { from: 2030, value: 0.04 }] }, list: [{ g: 0.01 }], text: 'x' };

describe('sensitivity', () => {
  it('shifts a number, every step of a schedule, and an array element by path, leaving the original alone', () => {
    expect(shiftAssumption(scenario, 'a.rate', 0.01).a.rate).toBeCloseTo(0.21, 12);
    expect(shiftAssumption(scenario, 'a.growth', -0.01).a.growth.map((s) => s.value)).toEqual([0.04, 0.03]);
    expect(shiftAssumption(scenario, 'list.0.g', 0.01).list[0].g).toBeCloseTo(0.02, 12);
    expect(scenario.a.rate).toBe(0.2);
  });

  it('rejects paths that are not numeric assumptions', () => {
    expect(() => assumptionAt(scenario, 'text')).toThrow(/not a numeric/);
    expect(() => assumptionAt(scenario, 'a.missing')).toThrow(/not a numeric/);
  });

  it('runs each assumption one step down and up', () => {
    const rows = sensitivityTable(scenario, [{ path: 'a.rate', step: 0.1, zh: '率', en: 'rate' }], (s) => ({ depletionYear: Math.round(s.a.rate * 100), balanceInReportYear: null }));
    expect(rows[0].minus.depletionYear).toBe(10);
    expect(rows[0].plus.depletionYear).toBe(30);
    expect(rows[0].baseValue).toBe(0.2);
  });
});
