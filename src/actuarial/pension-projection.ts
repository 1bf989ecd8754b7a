import { totalPopulation, type PopulationPath } from './cohort-projection.ts';
import { cohortStartingPension } from './cohort-pension.ts';
import type { DemographicInputs } from './demographic-inputs.ts';
import { retirementGroups, scenarioPopulation, type RetirementGroup } from './fund-population.ts';
import type { PensionParameters } from './pension-parameters.ts';
import type { AgeBand, PensionScenario } from './pension-scenario.ts';
import type { RetirementRules } from './retirement-rules.ts';
import { AGES, cohortRetirementOf, retiredShareAt } from './retirement-schedule.ts';
import { valueAt } from './schedule.ts';

/** A scenario whose rules and parameters are inline: everything the projection reads. */
export type ResolvedPensionScenario = Omit<PensionScenario, 'retirement' | 'pensionParameters'> & {
  retirement: { rules: RetirementRules };
  pensionParameters: PensionParameters;
};

export interface PensionYear {
  year: number;
  population: number;
  enrolled: number;
  contributors: number;
  retirees: number;
  /** Retirees per enrolled worker (制度赡养率). */
  dependencyRatio: number;
  avgMonthlyWage: number;
  avgMonthlyBase: number;
  avgMonthlyPension: number;
  contributions: number;
  subsidy: number;
  investmentIncome: number;
  income: number;
  expenditure: number;
  /** Income (contributions, subsidy, investment) minus expenditure. */
  currentBalance: number;
  /** Contributions minus expenditure: the scheme's own balance without subsidy or returns. */
  operatingBalance: number;
  accumulatedBalance: number;
}

export interface PensionSummary {
  depletionYear: number | null;
  firstOperatingDeficitYear: number | null;
  reportYear: number;
  balanceInReportYear: number | null;
  peakBalance: number;
  peakYear: number;
  calibration: { contributorsFactor: number; retireesFactor: number };
}

export interface PensionProjection {
  scenarioId: string;
  rows: PensionYear[];
  summary: PensionSummary;
}

interface Group extends RetirementGroup {
  /** Enrolment rate by age in the base year. */
  enrolment: Float64Array;
  /** Contribution density factor by age. */
  densityFactor: Float64Array;
  /** Starting pension and retirement year of each new cohort, computed when first needed. */
  cohorts: Map<number, { year: number; pension: number; coverage: number }>;
}

const bandOf = (bands: AgeBand[], age: number) => bands.find((b) => age >= b.from && age <= b.to);

/**
 * The urban employee pension fund, year by year, from a cohort-component population: enrolled workers by age,
 * sex and retirement group (men; women with original age 55 or 50) below their cohort's statutory age,
 * retirees above it, contributions on the average base, pensions by cohort (base-year retirees at the base
 * average, later cohorts by the national formula) indexed yearly, fiscal subsidy and investment return.
 */
export function projectPensionFund(s: ResolvedPensionScenario, demo: DemographicInputs, population?: PopulationPath): PensionProjection {
  const pop = scenarioPopulation(s, demo, population);
  const params = s.pensionParameters;
  const base = s.baseYear;
  const last = base + s.years - 1;
  const bandsOf = (sex: 'male' | 'female', pick: (b: AgeBand | undefined) => number) => Float64Array.from({ length: AGES }, (_, age) => pick(bandOf(s.participation[sex], age)));
  const groups = retirementGroups(s).map(
    (g): Group => ({ ...g, enrolment: bandsOf(g.sex, (b) => b?.rate ?? 0), densityFactor: bandsOf(g.sex, (b) => b?.densityFactor ?? 1), cohorts: new Map() }),
  );

  const wageCache = new Map<number, number>();
  const wage = (y: number): number => {
    if (y === base) return s.economy.avgMonthlyWage;
    const hit = wageCache.get(y);
    if (hit !== undefined) return hit;
    const w = y > base ? wage(y - 1) * (1 + valueAt(s.economy.wageGrowth, y)) : wage(y + 1) / (1 + valueAt(s.economy.wageGrowth, y + 1));
    wageCache.set(y, w);
    return w;
  };
  const interest = (y: number) => params.history.accountInterest[String(y)] ?? valueAt(s.benefit.accountInterest, y);
  const indexFactor: number[] = [1];
  for (let y = base + 1; y <= last; y++) indexFactor.push(indexFactor[indexFactor.length - 1] * (1 + valueAt(s.benefit.indexation, y)));
  const grown = (rate: number, year: number) => (rate > 0 ? Math.min(s.participation.cap, rate + s.participation.growthPerYear * (year - base)) : 0);
  const peakEnrolment = (sex: 'male' | 'female', year: number) => Math.max(...s.participation[sex].map((b) => grown(b.rate, year)));
  const baseBase = s.base.avgMonthlyBase ?? s.economy.avgMonthlyWage * s.economy.baseToWageRatio;

  const cohortState = (g: Group, cohort: number, kc: number) => {
    let c = g.cohorts.get(cohort);
    if (!c) {
      const r = cohortRetirementOf(g.table, cohort);
      const start = cohortStartingPension(
        {
          birthYear: cohort,
          retirementYear: r.year,
          ageMonths: r.ageMonths,
          entryAge: s.benefit.entryAge,
          careerDensity: s.benefit.careerDensity,
          accountsStartYear: s.benefit.accountsStartYear,
          avgIndexRatio: s.benefit.avgIndexRatio,
          transitionCoefficient: s.benefit.transitionCoefficient,
        },
        params,
        wage,
        interest,
      );
      const coverage = Math.min(1, kc * s.benefit.entitledShareOfEnrolment * peakEnrolment(g.sex, Math.max(base, r.year)));
      c = { year: r.year, pension: start.monthly, coverage };
      g.cohorts.set(cohort, c);
    }
    return c;
  };

  /** One year's people and pensions; `kc`/`kr` scale enrolment and base-year retirees (calibration). */
  const countYear = (i: number, kc: number, kr: number) => {
    const year = base + i;
    let enrolled = 0;
    let paying = 0;
    let retireesOld = 0;
    let retireesNew = 0;
    let pensionSum = 0;
    for (const g of groups) {
      const people = g.sex === 'male' ? pop.male[i] : pop.female[i];
      for (let age = 0; age < people.length; age++) {
        const p = people[age] * g.weight;
        if (p === 0) continue;
        const rs = retiredShareAt(g.table, i, age);
        if (rs < 1) {
          const e = p * (1 - rs) * grown(g.enrolment[age], year) * kc;
          enrolled += e;
          paying += e * g.densityFactor[age];
        }
        if (rs > 0) {
          const cohort = year - age;
          const r = g.table.cohortYear[cohort - g.table.firstCohort];
          if (r < base) {
            const n = p * rs * Math.min(1, s.base.retireeCoverage[g.sex] * kr);
            retireesOld += n;
            pensionSum += n * s.base.avgMonthlyPension * indexFactor[i];
          } else {
            const c = cohortState(g, cohort, kc);
            const n = p * rs * c.coverage;
            retireesNew += n;
            pensionSum += n * c.pension * (indexFactor[i] / indexFactor[Math.max(0, c.year - base)]);
          }
        }
      }
    }
    return { enrolled, paying, retireesOld, retireesNew, pensionSum };
  };

  // Calibration: scale enrolment so base-year contributors match, then base-year retirees.
  let kc = 1;
  let kr = 1;
  const density0 = valueAt(s.participation.contributionDensity, base);
  if (s.base.contributors !== null || s.base.retirees !== null) {
    const raw = countYear(0, 1, 1);
    if (s.base.contributors !== null) kc = s.base.contributors / (raw.paying * density0);
    for (const g of groups) g.cohorts.clear();
    const scaled = countYear(0, kc, 1);
    if (s.base.retirees !== null) kr = Math.max(0, (s.base.retirees - scaled.retireesNew) / scaled.retireesOld);
    for (const g of groups) g.cohorts.clear();
  }

  const rows: PensionYear[] = [];
  let balance = Number.NaN;
  for (let i = 0; i < s.years; i++) {
    const year = base + i;
    const c = countYear(i, kc, kr);
    const contributors = c.paying * valueAt(s.participation.contributionDensity, year);
    const retirees = c.retireesOld + c.retireesNew;
    const avgBase = baseBase * (wage(year) / wage(base));
    const contributions = contributors * avgBase * 12 * valueAt(s.contribution.rate, year);
    const expenditure = c.pensionSum * 12;
    const subsidy = expenditure * valueAt(s.subsidy.shareOfExpenditure, year);
    if (i === 0) balance = (s.base.fundBalanceMonths / 12) * expenditure;
    // Deficits are assumed financed without interest; only a positive balance earns the return.
    const investmentIncome = Math.max(0, balance) * valueAt(s.economy.investmentReturn, year);
    const income = contributions + subsidy + investmentIncome;
    balance += income - expenditure;
    rows.push({
      year,
      population: totalPopulation(pop, i),
      enrolled: c.enrolled,
      contributors,
      retirees,
      dependencyRatio: c.enrolled > 0 ? retirees / c.enrolled : 0,
      avgMonthlyWage: wage(year),
      avgMonthlyBase: avgBase,
      avgMonthlyPension: retirees > 0 ? c.pensionSum / retirees : 0,
      contributions,
      subsidy,
      investmentIncome,
      income,
      expenditure,
      currentBalance: income - expenditure,
      operatingBalance: contributions - expenditure,
      accumulatedBalance: balance,
    });
  }
  return { scenarioId: s.id, rows, summary: summarise(rows, s.reportYear, kc, kr) };
}

function summarise(rows: PensionYear[], reportYear: number, kc: number, kr: number): PensionSummary {
  const peak = rows.reduce((a, r) => (r.accumulatedBalance > a.accumulatedBalance ? r : a), rows[0]);
  return {
    depletionYear: rows.find((r) => r.accumulatedBalance < 0)?.year ?? null,
    firstOperatingDeficitYear: rows.find((r) => r.operatingBalance < 0)?.year ?? null,
    reportYear,
    balanceInReportYear: rows.find((r) => r.year === reportYear)?.accumulatedBalance ?? null,
    peakBalance: peak.accumulatedBalance,
    peakYear: peak.year,
    calibration: { contributorsFactor: kc, retireesFactor: kr },
  };
}
