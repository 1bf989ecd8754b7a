import { totalPopulation, type PopulationPath } from './cohort-projection.ts';
import type { DemographicInputs } from './demographic-inputs.ts';
import { retirementGroups, scenarioPopulation } from './fund-population.ts';
import type { AgeSexBand, MedicalScenario } from './medical-scenario.ts';
import type { RetirementRules } from './retirement-rules.ts';
import { AGES, retiredShareAt } from './retirement-schedule.ts';
import { valueAt } from './schedule.ts';

export type ResolvedMedicalScenario = Omit<MedicalScenario, 'retirement'> & { retirement: { rules: RetirementRules } };

export interface MedicalYear {
  year: number;
  population: number;
  insured: number;
  contributingWorkers: number;
  insuredRetirees: number;
  /** Cost-weighted insured per insured person, relative to the base year (the ageing effect alone). */
  ageingIndex: number;
  cases: number;
  expenditureLevel1: number;
  expenditureLevel2: number;
  expenditureLevel3: number;
  inpatientExpenditure: number;
  outpatientExpenditure: number;
  /** Fund expenditure (the pooled fund's share of the cost). */
  expenditure: number;
  /** Total medical cost of the settlements, fund and patients together. */
  totalCost: number;
  contributions: number;
  investmentIncome: number;
  income: number;
  currentBalance: number;
  accumulatedBalance: number;
}

export interface MedicalProjection {
  scenarioId: string;
  rows: MedicalYear[];
  summary: {
    depletionYear: number | null;
    firstDeficitYear: number | null;
    reportYear: number;
    balanceInReportYear: number | null;
    expenditureGrowthPerYear: number;
    calibration: { insuredFactor: number };
  };
}

const bandValue = (bands: AgeSexBand[], age: number, sex: 'male' | 'female') => {
  const b = bands.find((x) => age >= x.from && age <= x.to);
  return b ? b[sex] : 0;
};

export function projectMedicalFund(s: ResolvedMedicalScenario, demo: DemographicInputs, population?: PopulationPath): MedicalProjection {
  const pop = scenarioPopulation(s, demo, population);
  const base = s.baseYear;
  const bands = (list: AgeSexBand[], sex: 'male' | 'female') => Float64Array.from({ length: AGES }, (_, age) => bandValue(list, age, sex));
  const groups = retirementGroups(s).map((g) => ({ ...g, coverage: bands(s.coverage, g.sex), cost: bands(s.costCurve, g.sex) }));
  const people = (i: number, k: number) => {
    let insured = 0;
    let weighted = 0;
    let workers = 0;
    for (const g of groups) {
      const p = g.sex === 'male' ? pop.male[i] : pop.female[i];
      for (let age = 0; age < p.length; age++) {
        const n = p[age] * g.weight * g.coverage[age] * k;
        if (n === 0) continue;
        insured += n;
        weighted += n * g.cost[age];
        workers += n * (1 - retiredShareAt(g.table, i, age));
      }
    }
    return { insured, weighted, workers };
  };
  const raw0 = people(0, 1);
  const k = s.base.insured !== null ? s.base.insured / raw0.insured : 1;
  const p0 = people(0, k);

  const ramp = (year: number) => {
    const start = s.reform.startYear;
    if (start === null || year < start) return 0;
    return Math.min(1, (year - start + 1) / s.reform.phaseInYears);
  };
  const wage0 = s.economy.avgMonthlyWage;
  const base0 = s.base.avgMonthlyBase ?? wage0 * s.economy.baseToWageRatio;
  const util = s.components.map(() => 1);
  const unit = s.components.map((c) => c.unitCost);
  let wage = wage0;
  let balance = Number.NaN;
  let shifted = 0;
  const rows: MedicalYear[] = [];
  for (let i = 0; i < s.years; i++) {
    const year = base + i;
    if (i > 0) {
      wage *= 1 + valueAt(s.economy.wageGrowth, year);
      s.components.forEach((c, j) => {
        util[j] *= 1 + valueAt(c.utilisationGrowth, year);
        const reform = c.setting === 'inpatient' ? ramp(year) * (s.reform.codingInflation - s.reform.inpatientUnitCostGrowthReduction) : 0;
        unit[j] *= 1 + valueAt(c.unitCostGrowth, year) + reform;
      });
      if (ramp(year) > 0) shifted = Math.min(s.reform.levelShift.maxShare, shifted + s.reform.levelShift.sharePerYear);
    }
    const p = people(i, k);
    const driver = (p.weighted / p0.weighted) * p0.insured;
    const cases = s.components.map((c, j) => (c.casesPerThousand / 1000) * driver * util[j]);
    // Move inpatient cases between levels: they are then paid at the receiving level's cost per case.
    const from = s.components.findIndex((c) => c.setting === 'inpatient' && c.level === s.reform.levelShift.from);
    const to = s.components.findIndex((c) => c.setting === 'inpatient' && c.level === s.reform.levelShift.to);
    if (shifted > 0 && from >= 0 && to >= 0) {
      const moved = cases[from] * shifted;
      cases[from] -= moved;
      cases[to] += moved;
    }
    const cost = s.components.map((_, j) => cases[j] * unit[j]);
    const fund = s.components.map((c, j) => cost[j] * c.fundShare);
    const sumWhere = (pred: (j: number) => boolean) => fund.reduce((acc, v, j) => (pred(j) ? acc + v : acc), 0);
    const expenditure = sumWhere(() => true);
    const contributions = p.workers * valueAt(s.contributionDensity, year) * base0 * (wage / wage0) * 12 * valueAt(s.pooledContributionRate, year);
    if (i === 0) balance = (s.base.fundBalanceMonths / 12) * expenditure;
    const investmentIncome = Math.max(0, balance) * valueAt(s.economy.investmentReturn, year);
    const income = contributions + investmentIncome;
    balance += income - expenditure;
    rows.push({
      year,
      population: totalPopulation(pop, i),
      insured: p.insured,
      contributingWorkers: p.workers * valueAt(s.contributionDensity, year),
      insuredRetirees: p.insured - p.workers,
      ageingIndex: p.weighted / p.insured / (p0.weighted / p0.insured),
      cases: cases.reduce((a, b) => a + b, 0),
      expenditureLevel1: sumWhere((j) => s.components[j].level === '1'),
      expenditureLevel2: sumWhere((j) => s.components[j].level === '2'),
      expenditureLevel3: sumWhere((j) => s.components[j].level === '3'),
      inpatientExpenditure: sumWhere((j) => s.components[j].setting === 'inpatient'),
      outpatientExpenditure: sumWhere((j) => s.components[j].setting === 'outpatient'),
      expenditure,
      totalCost: cost.reduce((a, b) => a + b, 0),
      contributions,
      investmentIncome,
      income,
      currentBalance: income - expenditure,
      accumulatedBalance: balance,
    });
  }
  const first = rows[0];
  const lastRow = rows[rows.length - 1];
  return {
    scenarioId: s.id,
    rows,
    summary: {
      depletionYear: rows.find((r) => r.accumulatedBalance < 0)?.year ?? null,
      firstDeficitYear: rows.find((r) => r.currentBalance < 0)?.year ?? null,
      reportYear: s.reportYear,
      balanceInReportYear: rows.find((r) => r.year === s.reportYear)?.accumulatedBalance ?? null,
      expenditureGrowthPerYear: rows.length > 1 ? (lastRow.expenditure / first.expenditure) ** (1 / (rows.length - 1)) - 1 : 0,
      calibration: { insuredFactor: k },
    },
  };
}
