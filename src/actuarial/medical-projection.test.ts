import { describe, it, expect } from 'vitest';
import { projectMedicalFund, type ResolvedMedicalScenario } from './medical-projection.ts';
import { aDemography, aMedicalScenario } from './actuarial-test-builders.ts';

const demo = aDemography({ years: 20, perAge: 10000, mx: 0.01, fertility: 0.04 });
const still = (s: ResolvedMedicalScenario): ResolvedMedicalScenario => ({
  ...s,
  components: s.components.map((c) => ({ ...c, utilisationGrowth: 0, unitCostGrowth: 0 })),
});
const scenario = (name: string, o: Partial<ResolvedMedicalScenario> = {}) => ({ ...aMedicalScenario(name), years: 20, reportYear: 2035, ...o });

describe('projectMedicalFund', () => {
  it('without utilisation or cost growth, expenditure follows the cost-weighted insured only', () => {
    const { rows } = projectMedicalFund(still(scenario('fee-for-service')), demo);
    const weighted = (r: (typeof rows)[number]) => r.insured * r.ageingIndex;
    for (const r of rows) expect(r.expenditure / rows[0].expenditure).toBeCloseTo(weighted(r) / weighted(rows[0]), 9);
  });

  it('payment reform lowers inpatient spending, leaves outpatient alone and moves spending to level 2', () => {
    const ffs = projectMedicalFund(scenario('fee-for-service'), demo).rows.at(-1)!;
    const drg = projectMedicalFund(scenario('drg-dip-2025'), demo).rows.at(-1)!;
    expect(drg.inpatientExpenditure).toBeLessThan(ffs.inpatientExpenditure * 0.85);
    expect(drg.outpatientExpenditure).toBeCloseTo(ffs.outpatientExpenditure, 3);
    expect(drg.expenditureLevel3).toBeLessThan(ffs.expenditureLevel3);
    expect(drg.cases).toBeCloseTo(ffs.cases, 3);
  });

  it('moves exactly the stated share of level-3 inpatient cases, paid at level-2 cost per case', () => {
    const still3 = still(scenario('fee-for-service'));
    // Without level-3 outpatient care, all level-3 spending is inpatient and the moved share is visible directly.
    const base = { ...still3, components: still3.components.filter((c) => !(c.level === '3' && c.setting === 'outpatient')) };
    const shifted = { ...base, reform: { ...base.reform, startYear: 2026, levelShift: { from: '3' as const, to: '2' as const, sharePerYear: 0.1, maxShare: 0.1 } } };
    const a = projectMedicalFund(base, demo).rows[5];
    const b = projectMedicalFund(shifted, demo).rows[5];
    const drop = a.expenditureLevel3 - b.expenditureLevel3;
    expect(drop).toBeCloseTo(0.1 * a.expenditureLevel3, 3);
    const l2 = base.components.find((c) => c.level === '2' && c.setting === 'inpatient')!;
    const l3 = base.components.find((c) => c.level === '3' && c.setting === 'inpatient')!;
    expect((b.expenditureLevel2 - a.expenditureLevel2) / drop).toBeCloseTo((l2.unitCost * l2.fundShare) / (l3.unitCost * l3.fundShare), 9);
  });

  it('scales to the calibrated insured count and reports a depletion year for a failing fund', () => {
    const s = scenario('fee-for-service', { base: { ...aMedicalScenario().base, insured: 50000 } });
    const p = projectMedicalFund(s, demo);
    expect(p.rows[0].insured).toBeCloseTo(50000, 6);
    const broke = scenario('fee-for-service', { pooledContributionRate: 0.01 });
    expect(projectMedicalFund(broke, demo).summary.depletionYear).not.toBeNull();
  });
});
