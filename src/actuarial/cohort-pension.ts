import { basicPensionMonthly, closeAccountYear, transitionalPensionMonthly } from './pension-formula.ts';
import { monthsDivisorAt, type PensionParameters } from './pension-parameters.ts';

export interface CohortCareer {
  birthYear: number;
  retirementYear: number;
  /** Mean statutory age in months. */
  ageMonths: number;
  entryAge: number;
  careerDensity: number;
  accountsStartYear: number;
  avgIndexRatio: number;
  transitionCoefficient: number;
}

export interface CohortPension {
  contributionYears: number;
  deemedYears: number;
  monthly: number;
  basic: number;
  account: number;
  transitional: number;
}

/**
 * The starting pension of a representative new retiree of a cohort, by the national formula: contribution years
 * are the career from `entryAge` to the statutory age times `careerDensity`; service before `accountsStartYear`
 * is deemed (transitional pension, no account); account credits follow the wage path and are compounded with
 * the bookkeeping rate up to retirement. `wage(y)` is the average monthly wage, `interest(y)` the account rate.
 */
export function cohortStartingPension(c: CohortCareer, params: PensionParameters, wage: (year: number) => number, interest: (year: number) => number): CohortPension {
  const career = Math.max(0, c.ageMonths / 12 - c.entryAge);
  const years = career * c.careerDensity;
  const deemedCareer = Math.min(career, Math.max(0, c.accountsStartYear - (c.birthYear + c.entryAge)));
  const deemed = deemedCareer * c.careerDensity;
  const paid = years - deemed;
  let balance = 0;
  const firstPaidYear = c.retirementYear - Math.ceil(paid);
  for (let y = firstPaidYear; y < c.retirementYear; y++) {
    const fraction = y === firstPaidYear ? paid - Math.floor(paid) || 1 : 1;
    balance = closeAccountYear(balance, params.contribution.accountRate * 12 * c.avgIndexRatio * wage(y) * fraction, interest(y));
  }
  const wBefore = wage(c.retirementYear - 1);
  const basic = basicPensionMonthly(wBefore, c.avgIndexRatio, years, params.benefit.basicPercentPerYear);
  const account = balance / monthsDivisorAt(params, c.ageMonths);
  const transitional = transitionalPensionMonthly(wBefore, c.avgIndexRatio, deemed, c.transitionCoefficient);
  return { contributionYears: years, deemedYears: deemed, monthly: basic + account + transitional, basic, account, transitional };
}
