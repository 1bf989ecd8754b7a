import { describe, it, expect } from 'vitest';
import { cohortRetirementOf, retiredShareAt, retirementTable } from './retirement-schedule.ts';
import { loadRetirementRules } from './retirement-rules-store.ts';
import { testPolicyDir } from './actuarial-test-builders.ts';

const old = loadRetirementRules(testPolicyDir, { id: 'CN-1978' });
const reform = loadRetirementRules(testPolicyDir, { id: 'CN-2025' });

describe('retirement table', () => {
  it('counts the share of the calendar year spent retired, over the twelve birth months of an age', () => {
    // Aged 60 on 1 July 2024: born Jul 1963–Jun 1964, retiring Jul 2023–Jun 2024 at 60. Births Jul–Dec 1963 are
    // retired all of 2024 (6 × 12 months); births Jan–Jun 1964 retire in Jan–Jun 2024 (12 + 11 + … + 7 = 57).
    const t = retirementTable(old, 'male', 2024, 5);
    expect(retiredShareAt(t, 0, 60)).toBeCloseTo((72 + 57) / 144, 12);
    // Aged 59: born Jul 1964–Jun 1965; the Jul–Dec 1964 births retire Jul–Dec 2024 (6 + 5 + … + 1 months).
    expect(retiredShareAt(t, 0, 59)).toBeCloseTo(21 / 144, 12);
    expect(retiredShareAt(t, 0, 61)).toBe(1);
  });

  it('shifts the fully delayed cohorts by three years under the 2025 rules', () => {
    const t = retirementTable(reform, 'male', 2045, 3);
    expect(retiredShareAt(t, 0, 61)).toBe(0);
    expect(retiredShareAt(t, 0, 62)).toBeCloseTo(21 / 144, 12); // born Jul–Dec 1982, at 63 in Jul–Dec 2045
    expect(retiredShareAt(t, 0, 63)).toBeCloseTo(129 / 144, 12);
    expect(cohortRetirementOf(t, 1982)).toEqual({ year: 2044, ageMonths: 63 * 12 });
  });

  it('gives a cohort’s mean statutory age over its birth months', () => {
    // Cohort 1966 (born Jul 1965–Jun 1966): delays 2,2,3,3,3,3,4,4,4,4,5,5 months → mean 42/12.
    const t = retirementTable(reform, 'male', 2025, 3);
    expect(cohortRetirementOf(t, 1966).ageMonths).toBeCloseTo(720 + 42 / 12, 12);
  });
});
