import type { MedicalCalibration, PensionCalibration } from './calibration-store.ts';
import type { DemographicInputs } from './demographic-inputs.ts';
import { projectMedicalFund, type ResolvedMedicalScenario } from './medical-projection.ts';
import type { AgeSexBand } from './medical-scenario.ts';
import { projectPensionFund, type ResolvedPensionScenario } from './pension-projection.ts';
import { valueAt } from './schedule.ts';

/** Bands with fewer insured than this keep the scenario's cost-curve value: too few people to estimate. */
const MIN_BAND_INSURED = 30;

function grow(value: number, fromYear: number, toYear: number, rate: (year: number) => number): number {
  let v = value;
  for (let y = fromYear + 1; y <= toYear; y++) v *= 1 + rate(y);
  for (let y = fromYear; y > toYear; y--) v /= 1 + rate(y);
  return v;
}

/**
 * The bureau's own base year: population scaled so the model's base-year contributors equal the store's, base
 * retirees matched through their coverage, the store's average base and pension (moved from the store's year to
 * the base year with the scenario's wage growth and indexation), and the local average wage inferred as the
 * average base ÷ the scenario's base-to-wage ratio.
 */
export function calibratePensionScenario(s: ResolvedPensionScenario, c: PensionCalibration, demo: DemographicInputs, source: string): ResolvedPensionScenario {
  const wageGrowth = (y: number) => valueAt(s.economy.wageGrowth, y);
  const avgMonthlyBase = grow(c.avgMonthlyBase, c.year, s.baseYear, wageGrowth);
  const avgMonthlyPension = c.avgMonthlyPension === null ? s.base.avgMonthlyPension : grow(c.avgMonthlyPension, c.year, s.baseYear, (y) => valueAt(s.benefit.indexation, y));
  const uncalibrated: ResolvedPensionScenario = { ...s, years: 1, base: { ...s.base, contributors: null, retirees: null } };
  const raw = projectPensionFund(uncalibrated, demo).rows[0].contributors;
  return {
    ...s,
    population: { ...s.population, scale: raw > 0 ? (s.population.scale * c.contributors) / raw : s.population.scale },
    economy: { ...s.economy, avgMonthlyWage: avgMonthlyBase / s.economy.baseToWageRatio },
    base: {
      ...s.base,
      contributors: c.contributors,
      retirees: c.retirees > 0 ? c.retirees : null,
      avgMonthlyBase,
      avgMonthlyPension,
      calibratedFrom: `${source} ${c.year} (${c.months} months, ${c.contributorPersons} contributors)`,
    },
  };
}

function curveFromStore(bands: AgeSexBand[], c: MedicalCalibration): AgeSexBand[] {
  const totalInsured = c.byAge.reduce((a, r) => a + r.insured, 0);
  const totalFund = c.byAge.reduce((a, r) => a + r.fundPaid, 0);
  if (totalInsured === 0 || totalFund === 0) return bands;
  const mean = totalFund / totalInsured;
  const relative = (b: AgeSexBand, sexCode: string, fallback: number) => {
    const rows = c.byAge.filter((r) => r.sex === sexCode && r.age >= b.from && r.age <= b.to);
    const insured = rows.reduce((a, r) => a + r.insured, 0);
    return insured >= MIN_BAND_INSURED ? rows.reduce((a, r) => a + r.fundPaid, 0) / insured / mean : fallback;
  };
  return bands.map((b) => ({ ...b, male: relative(b, '1', b.male), female: relative(b, '2', b.female) }));
}

/**
 * Medical base year from the store's settlements: cases per 1,000 insured, cost per case and fund share for each
 * hospital level × setting present in the store (absent ones keep the scenario's values), the age-sex cost curve
 * (relative fund spending per insured, bands with too few people keep theirs), and the population scaled so the
 * model's insured equal the store's.
 */
export function calibrateMedicalScenario(s: ResolvedMedicalScenario, c: MedicalCalibration, demo: DemographicInputs, source: string): ResolvedMedicalScenario {
  const components = s.components.map((comp) => {
    const row = c.components.find((r) => r.level === comp.level && r.setting === comp.setting);
    if (!row || row.cases === 0 || c.insured === 0) return comp;
    return { ...comp, casesPerThousand: (row.cases / c.insured) * 1000, unitCost: row.totalCost / row.cases, fundShare: row.totalCost > 0 ? row.fundPaid / row.totalCost : comp.fundShare };
  });
  const raw = projectMedicalFund({ ...s, years: 1, base: { ...s.base, insured: null } }, demo).rows[0].insured;
  const avgMonthlyBase = c.avgMonthlyBase === null ? s.base.avgMonthlyBase : grow(c.avgMonthlyBase, c.year, s.baseYear, (y) => valueAt(s.economy.wageGrowth, y));
  return {
    ...s,
    population: { ...s.population, scale: raw > 0 && c.insured > 0 ? (s.population.scale * c.insured) / raw : s.population.scale },
    components,
    costCurve: curveFromStore(s.costCurve, c),
    base: { ...s.base, insured: c.insured > 0 ? c.insured : null, avgMonthlyBase, calibratedFrom: `${source} ${c.year} (${c.insured} insured)` },
  };
}
