import { describe, it, expect, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import { projectPensionFund, type ResolvedPensionScenario } from './pension-projection.ts';
import { buildDemographicInputs, type DemographicInputs } from './demographic-inputs.ts';
import { readWpp } from '../demography/wpp-store.ts';
import { valueAt } from './schedule.ts';
import { scenarioHash } from './scenario-hash.ts';
import { aDemography, aPensionScenario } from './actuarial-test-builders.ts';

const synthetic = (overrides: Partial<ResolvedPensionScenario> = {}) => aPensionScenario('reform-2025', { years: 30, reportYear: 2040, ...overrides });

describe('projectPensionFund (synthetic population)', () => {
  const demo = aDemography({ years: 30, perAge: 10000, mx: 0.01, fertility: 0.04 });

  it('keeps the accounts: contributions, subsidy, return and the balance recursion', () => {
    const s = synthetic();
    const { rows } = projectPensionFund(s, demo);
    expect(rows).toHaveLength(30);
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i];
      const prev = rows[i - 1].accumulatedBalance;
      expect(r.contributions).toBeCloseTo(r.contributors * r.avgMonthlyBase * 12 * valueAt(s.contribution.rate, r.year), 3);
      expect(r.subsidy).toBeCloseTo(r.expenditure * valueAt(s.subsidy.shareOfExpenditure, r.year), 3);
      expect(r.investmentIncome).toBeCloseTo(Math.max(0, prev) * valueAt(s.economy.investmentReturn, r.year), 3);
      expect(r.accumulatedBalance).toBeCloseTo(prev + r.income - r.expenditure, 1);
      expect(r.dependencyRatio).toBeCloseTo(r.retirees / r.enrolled, 12);
    }
    expect(rows[0].avgMonthlyBase).toBeCloseTo(s.economy.avgMonthlyWage * s.economy.baseToWageRatio, 9);
  });

  it('starts the balance at the stated months of base-year expenditure', () => {
    const s = synthetic({ base: { ...synthetic().base, fundBalanceMonths: 24 } });
    const r = projectPensionFund(s, demo).rows[0];
    expect(r.accumulatedBalance).toBeCloseTo(2 * r.expenditure + r.income - r.expenditure, 1);
  });

  it('scales to calibrated base-year contributors and retirees', () => {
    const base = { ...synthetic().base, contributors: 123456, retirees: 45678 };
    const p = projectPensionFund(synthetic({ base }), demo);
    expect(p.rows[0].contributors).toBeCloseTo(123456, 3);
    expect(p.rows[0].retirees).toBeCloseTo(45678, 3);
  });

  it('applies each age-sex band’s density factor to its enrolled workers', () => {
    const s = synthetic();
    const halfMen = { ...s.participation, male: s.participation.male.map((b) => ({ ...b, densityFactor: 0.5 })) };
    const full = projectPensionFund(s, demo).rows[3];
    const half = projectPensionFund(synthetic({ participation: halfMen }), demo).rows[3];
    expect(half.enrolled).toBeCloseTo(full.enrolled, 6);
    expect(half.contributors).toBeLessThan(full.contributors * 0.8);
    expect(half.contributors).toBeGreaterThan(full.contributors * 0.7);
  });

  it('reports no depletion for a fund that never runs out', () => {
    const s = synthetic({ contribution: { rate: 0.6 }, base: { ...synthetic().base, fundBalanceMonths: 120 } });
    expect(projectPensionFund(s, demo).summary.depletionYear).toBeNull();
  });
});

describe('projectPensionFund (WPP 2019)', () => {
  let demo: DemographicInputs;
  beforeAll(async () => {
    demo = buildDemographicInputs(await readWpp(resolve(import.meta.dirname, '../../../shared/data')), 2025, 2074, 'medium');
  });
  const run = (name: string) => projectPensionFund({ ...aPensionScenario(name), years: 50 }, demo);

  it('raising the retirement age postpones depletion and lowers the 2050 dependency ratio', () => {
    const none = run('no-reform');
    const reform = run('reform-2025');
    const at65 = run('age-65');
    expect(none.summary.depletionYear).not.toBeNull();
    expect(reform.summary.depletionYear!).toBeGreaterThan(none.summary.depletionYear!);
    expect(at65.summary.depletionYear!).toBeGreaterThan(reform.summary.depletionYear!);
    const dep2050 = (p: typeof none) => p.rows.find((r) => r.year === 2050)!.dependencyRatio;
    expect(dep2050(reform)).toBeLessThan(dep2050(none));
    expect(dep2050(at65)).toBeLessThan(dep2050(reform));
  });

  it('a lower contribution rate depletes sooner, a higher density later', () => {
    const reform = run('reform-2025').summary.depletionYear!;
    expect(run('lower-rate').summary.depletionYear!).toBeLessThan(reform);
    expect(run('higher-density').summary.depletionYear!).toBeGreaterThan(reform);
  });

  it('is reproduced exactly from its resolved assumptions alone', () => {
    const s = { ...aPensionScenario('reform-2025'), years: 50 };
    const again = JSON.parse(JSON.stringify(s)) as ResolvedPensionScenario;
    expect(scenarioHash(again)).toBe(scenarioHash(s));
    expect(projectPensionFund(again, demo).rows).toEqual(projectPensionFund(s, demo).rows);
  });
});
