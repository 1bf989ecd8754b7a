import { statutoryAgeMonths } from './compute-retirement.ts';
import type { RetirementCategory, RetirementRules } from './retirement-rules.ts';
import { canonicalJson } from './scenario-hash.ts';

export const AGES = 101;

/**
 * A retirement category's schedule laid out for a projection span: the share of each (year, age) cell that is
 * retired, and each cohort's mean statutory age and main retirement year. Cohort c is the people aged
 * `year − c` on 1 July, i.e. born July c−1 to June c.
 */
export interface RetirementTable {
  baseYear: number;
  years: number;
  /** retired[i * AGES + age] for year baseYear + i. */
  retired: Float64Array;
  firstCohort: number;
  cohortYear: Int32Array;
  cohortAgeMonths: Float64Array;
}

function build(rules: RetirementRules, category: RetirementCategory, baseYear: number, years: number): RetirementTable {
  const firstCohort = baseYear - AGES;
  const lastYear = baseYear + years - 1;
  const firstBirthMonth = (firstCohort - 1) * 12 + 6;
  const months = (lastYear - firstCohort + 2) * 12;
  const retireMonth = new Int32Array(months);
  const ageMonths = new Int32Array(months);
  for (let k = 0; k < months; k++) {
    ageMonths[k] = statutoryAgeMonths(rules, category, firstBirthMonth + k);
    retireMonth[k] = firstBirthMonth + k + ageMonths[k];
  }
  const cohorts = lastYear - firstCohort + 1;
  const cohortYear = new Int32Array(cohorts);
  const cohortAgeMonths = new Float64Array(cohorts);
  for (let c = 0; c < cohorts; c++) {
    let age = 0;
    let month = 0;
    for (let k = 0; k < 12; k++) {
      age += ageMonths[c * 12 + k];
      month += retireMonth[c * 12 + k];
    }
    cohortYear[c] = Math.floor(month / 12 / 12);
    cohortAgeMonths[c] = age / 12;
  }
  const retired = new Float64Array(years * AGES);
  for (let i = 0; i < years; i++) {
    const yearEnd = (baseYear + i) * 12 + 12;
    for (let age = 0; age < AGES; age++) {
      const c = baseYear + i - age - firstCohort;
      let m = 0;
      // Share of the calendar year's months spent at or past the retirement month, over the twelve birth months.
      for (let k = 0; k < 12; k++) m += Math.min(12, Math.max(0, yearEnd - retireMonth[c * 12 + k]));
      retired[i * AGES + age] = m / 144;
    }
  }
  return { baseYear, years, retired, firstCohort, cohortYear, cohortAgeMonths };
}

// Sensitivity runs repeat the same rules many times; the tables depend on nothing else.
const memo = new Map<string, RetirementTable>();

export function retirementTable(rules: RetirementRules, category: RetirementCategory, baseYear: number, years: number): RetirementTable {
  const key = `${category}|${baseYear}|${years}|${canonicalJson(rules)}`;
  let t = memo.get(key);
  if (!t) {
    if (memo.size > 64) memo.clear();
    t = build(rules, category, baseYear, years);
    memo.set(key, t);
  }
  return t;
}

export function retiredShareAt(t: RetirementTable, i: number, age: number): number {
  return t.retired[i * AGES + age];
}

export function cohortRetirementOf(t: RetirementTable, cohort: number): { year: number; ageMonths: number } {
  const c = cohort - t.firstCohort;
  return { year: t.cohortYear[c], ageMonths: t.cohortAgeMonths[c] };
}
