import { describe, it, expect } from 'vitest';
import { cohortStartingPension, type CohortCareer } from './cohort-pension.ts';
import { loadPensionParameters } from './pension-parameters-store.ts';
import { testPolicyDir } from './actuarial-test-builders.ts';

const params = loadPensionParameters(testPolicyDir, { id: 'CN-pension-2025' });
const noRates = { ...params, history: { ...params.history, accountInterest: {} } };
const career = (o: Partial<CohortCareer> = {}): CohortCareer => ({
  birthYear: 1970,
  retirementYear: 2030,
  ageMonths: 720,
  entryAge: 20,
  careerDensity: 1,
  accountsStartYear: 1900,
  avgIndexRatio: 1,
  transitionCoefficient: 0.012,
  ...o,
});

describe('cohortStartingPension', () => {
  it('matches the formula by hand for a flat wage and no interest', () => {
    const p = cohortStartingPension(career(), noRates, () => 10000, () => 0);
    expect(p.contributionYears).toBe(40);
    expect(p.basic).toBeCloseTo(10000 * 40 * 0.01, 9); // (1 + 1) / 2 = 1
    expect(p.account).toBeCloseTo((0.08 * 12 * 10000 * 40) / 139, 9);
    expect(p.transitional).toBe(0);
  });

  it('deems service before personal accounts started and pays the transitional pension for it', () => {
    const p = cohortStartingPension(career({ accountsStartYear: 2000 }), noRates, () => 10000, () => 0);
    expect(p.deemedYears).toBe(10); // 1990–1999
    expect(p.transitional).toBeCloseTo(10000 * 10 * 0.012, 9);
    expect(p.account).toBeCloseTo((0.08 * 12 * 10000 * 30) / 139, 9);
  });

  it('a later retirement means more years and a smaller divisor', () => {
    const at60 = cohortStartingPension(career(), noRates, () => 10000, () => 0.03);
    const at63 = cohortStartingPension(career({ ageMonths: 756, retirementYear: 2033 }), noRates, () => 10000, () => 0.03);
    expect(at63.monthly).toBeGreaterThan(at60.monthly * 1.15);
  });
});
