import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { computeRetirement, minContributionYears } from './compute-retirement.ts';
import { loadRetirementRules } from './retirement-rules-store.ts';
import type { RetirementCategory } from './retirement-rules.ts';

const policyDir = resolve(import.meta.dirname, '../../data/policy');
const rules = loadRetirementRules(policyDir, { id: 'CN-2025' });
const old = loadRetirementRules(policyDir, { id: 'CN-1978' });

// Worked by hand from the rule: delay = min(cap, floor(months since first affected birth / step) + 1) months;
// retirement month = birth month + original age + delay.
const cases: Array<[RetirementCategory, string, number, number, string, number]> = [
  // category, birth, age years, age months, retirement month, minimum contribution years
  ['male', '1964-12', 60, 0, '2024-12', 15], // last birth month before the reform
  ['male', '1965-01', 60, 1, '2025-02', 15], // first affected
  ['male', '1965-04', 60, 1, '2025-05', 15], // end of the first four-month step
  ['male', '1965-05', 60, 2, '2025-07', 15], // second step
  ['male', '1970-01', 61, 4, '2031-05', 16], // middle: 60 months → 16 steps
  ['male', '1976-08', 62, 11, '2039-07', 20], // last month before the cap
  ['male', '1976-09', 63, 0, '2039-09', 20], // first at 63
  ['male', '1976-12', 63, 0, '2039-12', 20],
  ['male', '1990-06', 63, 0, '2053-06', 20],
  ['female-55', '1969-12', 55, 0, '2024-12', 15],
  ['female-55', '1970-01', 55, 1, '2025-02', 15],
  ['female-55', '1975-01', 56, 4, '2031-05', 16],
  ['female-55', '1981-08', 57, 11, '2039-07', 20],
  ['female-55', '1981-09', 58, 0, '2039-09', 20],
  ['female-55', '1981-12', 58, 0, '2039-12', 20],
  ['female-50', '1974-12', 50, 0, '2024-12', 15],
  ['female-50', '1975-01', 50, 1, '2025-02', 15],
  ['female-50', '1975-02', 50, 1, '2025-03', 15], // two-month steps
  ['female-50', '1975-03', 50, 2, '2025-05', 15],
  ['female-50', '1980-01', 52, 7, '2032-08', 16.5], // middle: 60 months → 31 steps
  ['female-50', '1984-10', 54, 11, '2039-09', 20],
  ['female-50', '1984-11', 55, 0, '2039-11', 20], // first at 55
  ['female-50', '1984-12', 55, 0, '2039-12', 20],
];

describe('computeRetirement (CN-2025)', () => {
  it.each(cases)('%s born %s retires at %iy%im in %s with %d years minimum', (category, birth, years, months, month, minYears) => {
    const r = computeRetirement(rules, { birth, category });
    expect(r.statutoryAge).toEqual({ years, months });
    expect(r.retirementMonth).toBe(month);
    expect(r.minContributionYears).toBe(minYears);
  });

  it('gives the documented JSON shape for a man born 1970-01', () => {
    const r = computeRetirement(rules, { birth: '1970-01', category: 'male' });
    expect(r).toMatchObject({
      statutoryAge: { years: 61, months: 4 },
      retirementMonth: '2031-05',
      minContributionYears: 16,
      earliestMonth: '2030-01', // three years earlier would be 2028-05, below the original age 60 (2030-01)
      latestMonth: '2034-05',
      originalAge: { years: 60, months: 0 },
      delayMonths: 16,
      minContributionYearsAtEarliest: 15.5,
    });
  });

  it('lets the fully delayed retire three years early, exactly at the original age', () => {
    const r = computeRetirement(rules, { birth: '1981-09', category: 'female-55' });
    expect(r.earliestMonth).toBe('2036-09');
    expect(r.latestMonth).toBe('2042-09');
    expect(r.minContributionYearsAtEarliest).toBe(18.5);
  });

  it('offers no flexible window to people who reached the age before the decision took effect', () => {
    const r = computeRetirement(rules, { birth: '1964-12', category: 'male' });
    expect(r.flexibleAvailable).toBe(false);
    expect([r.earliestMonth, r.latestMonth]).toEqual(['2024-12', '2024-12']);
  });

  it('first affected cohort may retire one month early (at the original age) or three years late', () => {
    const r = computeRetirement(rules, { birth: '1965-01', category: 'male' });
    expect([r.earliestMonth, r.latestMonth]).toEqual(['2025-01', '2028-02']);
  });

  it('raises the minimum contribution by half a year a year from 2030 to 20 years', () => {
    expect([2025, 2029, 2030, 2031, 2035, 2038, 2039, 2050].map((y) => minContributionYears(rules, y))).toEqual([15, 15, 15.5, 16, 18, 19.5, 20, 20]);
  });

  it('the pre-reform rules keep 60/55/50 for everyone', () => {
    expect(computeRetirement(old, { birth: '1980-01', category: 'female-50' }).retirementMonth).toBe('2030-01');
    expect(computeRetirement(old, { birth: '1990-06', category: 'male' }).statutoryAge).toEqual({ years: 60, months: 0 });
  });

  it('rejects a malformed birth month', () => {
    expect(() => computeRetirement(rules, { birth: '1970-13', category: 'male' })).toThrow(/YYYY-MM/);
  });
});

describe('loadRetirementRules', () => {
  it('picks the version in force on a date', () => {
    expect(loadRetirementRules(policyDir, { region: 'CN', date: '2024-12-31' }).id).toBe('CN-1978');
    expect(loadRetirementRules(policyDir, { region: 'CN', date: '2025-01-01' }).id).toBe('CN-2025');
    expect(loadRetirementRules(policyDir, { region: '330100', date: '2026-01-01' }).id).toBe('CN-2025');
  });
});
