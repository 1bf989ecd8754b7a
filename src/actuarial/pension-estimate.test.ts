import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { estimatePension, syntheticHistory, type PensionEstimateInput } from './pension-estimate.ts';
import { closeAccountYear } from './pension-formula.ts';
import { monthsDivisorAt } from './pension-parameters.ts';
import { loadPensionParameters } from './pension-parameters-store.ts';
import { loadRetirementRules } from './retirement-rules-store.ts';

const policyDir = resolve(import.meta.dirname, '../../data/policy');
const rules = loadRetirementRules(policyDir, { id: 'CN-2025' });
const params = loadPensionParameters(policyDir, { id: 'CN-pension-2025' });
/** The same parameters without announced bookkeeping rates, so the flat-world hand calculations hold. */
const noRates = { ...params, history: { ...params.history, accountInterest: {} } };

const flat = { wageGrowth: 0, accountInterest: 0, contributionDensity: 1, transitionCoefficient: 0.012 };

/** A man born 1970-01 (retires 2031-05 at 61y4m) with 20 years recorded to 2030-12, in a world without growth. */
function aPerson(overrides: Partial<PensionEstimateInput> = {}): PensionEstimateInput {
  return {
    birth: '1970-01',
    category: 'male',
    asOf: '2030-12',
    avgMonthlyWage: 10000,
    indexRatio: 1,
    history: syntheticHistory(20, '2030-12', 10000, 1, 0),
    deemedYears: 0,
    assumptions: flat,
    ...overrides,
  };
}

describe('monthsDivisorAt', () => {
  it('uses the official table at whole ages and interpolates by months between them', () => {
    expect(monthsDivisorAt(params, 60 * 12)).toBe(139);
    expect(monthsDivisorAt(params, 50 * 12)).toBe(195);
    expect(monthsDivisorAt(params, 60 * 12 + 6)).toBeCloseTo(135.5, 10);
    expect(monthsDivisorAt(params, 61 * 12 + 4)).toBeCloseTo(132 - (7 * 4) / 12, 10);
    expect(monthsDivisorAt(params, 75 * 12)).toBe(56); // clamped at 70
  });
});

describe('closeAccountYear', () => {
  it('credits a full year on the balance and half a year (×1.083) on the year’s contributions', () => {
    expect(closeAccountYear(1000, 1200, 0.05)).toBeCloseTo(1050 + 1200 * (1 + 0.05 * 1.083 * 0.5), 8);
  });
});

describe('estimatePension', () => {
  it('matches a hand calculation without growth or interest', () => {
    const e = estimatePension(rules, noRates, aPerson());
    // 240 recorded months + 2031-01..04 = 244 months; balance 10000 × 8% × 244; divisor at 61y4m = 129.667.
    expect(e.retirementMonth).toBe('2031-05');
    expect(e.contributionYears.total).toBeCloseTo(244 / 12, 2);
    expect(e.accountBalance).toBeCloseTo(195200, 2);
    expect(e.monthly.basic).toBeCloseTo(10000 * ((1 + 1) / 2) * (244 / 12) * 0.01, 2);
    expect(e.monthly.account).toBeCloseTo(195200 / (132 - 28 / 12), 2);
    expect(e.eligible).toBe(true);
    expect(e.minContributionYears).toBe(16);
  });

  it('indexes the basic pension on the wage of the year before retirement', () => {
    const e = estimatePension(rules, params, aPerson({ asOf: '2025-06', history: [], assumptions: { ...flat, wageGrowth: 0.05 } }));
    expect(e.avgMonthlyWageBeforeRetirement).toBeCloseTo(10000 * 1.05 ** 5, 2);
    expect(e.totalInAsOfWages).toBeCloseTo(e.monthly.total / 1.05 ** 6, 1);
  });

  it('averages the index over recorded and future months', () => {
    const history = syntheticHistory(10, '2030-12', 10000, 2, 0); // ten years at twice the average wage
    const e = estimatePension(rules, params, aPerson({ history, indexRatio: 1, asOf: '2030-12' }));
    expect(e.avgIndexRatio).toBeCloseTo((2 * 120 + 1 * 4) / 124, 4);
  });

  it('adds the transitional pension for deemed years', () => {
    const e = estimatePension(rules, params, aPerson({ deemedYears: 5 }));
    expect(e.monthly.transitional).toBeCloseTo(10000 * 1 * 5 * 0.012, 2);
    expect(e.contributionYears.total).toBeCloseTo(244 / 12 + 5, 2);
  });

  it('flags a person below the minimum contribution with a stable problem code', () => {
    const e = estimatePension(rules, params, aPerson({ history: syntheticHistory(10, '2030-12', 10000, 1, 0) }));
    expect(e.eligible).toBe(false);
    expect(e.problems.map((p) => p.code)).toEqual(['PENSION_MIN_CONTRIBUTION_NOT_MET']);
  });

  it('accepts a flexible month inside the window and rejects one outside', () => {
    const later = estimatePension(rules, params, aPerson({ retirementMonth: '2033-05' }));
    const base = estimatePension(rules, params, aPerson());
    expect(later.monthly.total).toBeGreaterThan(base.monthly.total);
    expect(() => estimatePension(rules, params, aPerson({ retirementMonth: '2029-12' }))).toThrow(/flexible window/);
  });

  it('compounds the recorded years with the announced bookkeeping rates', () => {
    const history = [{ year: 2023, months: 12, avgBase: 10000, referenceWage: 10000 }];
    const e = estimatePension(rules, params, aPerson({ history, asOf: '2023-12', retirementMonth: '2031-05', assumptions: { ...flat, contributionDensity: 0 } }));
    // 2023 closes at 3.97 %, 2024 at 2.62 % (announced), then 0 % assumed; no further credits at density 0.
    expect(e.accountBalance).toBeCloseTo(9600 * (1 + 0.0397 * 1.083 * 0.5) * 1.0262, 2);
  });
});
