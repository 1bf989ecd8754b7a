import { AppError } from '../platform/errors.ts';
import { projectPopulation, type PopulationAssumptions, type PopulationPath } from './cohort-projection.ts';
import type { DemographicInputs } from './demographic-inputs.ts';
import type { RetirementCategory, RetirementRules } from './retirement-rules.ts';
import { retirementTable, type RetirementTable } from './retirement-schedule.ts';

/** Who a fund projection counts, pension or medical: the population over the scenario's years, by retirement group. */

interface ScenarioSpan {
  baseYear: number;
  years: number;
  population: PopulationAssumptions;
}

/** The population path for the scenario's years: the one given (shared between scenarios), else projected. */
export function scenarioPopulation(s: ScenarioSpan, demo: DemographicInputs, population?: PopulationPath): PopulationPath {
  if (demo.firstYear !== s.baseYear || demo.lastYear < s.baseYear + s.years - 1) {
    throw new AppError('INPUT_INVALID', { zh: '人口输入与情景年份不一致。', en: 'Demographic inputs do not cover the scenario years.' });
  }
  return population ?? projectPopulation(demo, s.population, s.years - 1);
}

export interface RetirementGroup {
  sex: 'male' | 'female';
  /** Share of that sex in the group. */
  weight: number;
  table: RetirementTable;
}

/**
 * The three groups retiring on different schedules: men, women whose original retirement age was 55 (cadres,
 * `female55Share` of women) and women whose was 50 (workers).
 */
export function retirementGroups(s: Omit<ScenarioSpan, 'population'> & { retirement: { rules: RetirementRules }; female55Share: number }): RetirementGroup[] {
  const table = (category: RetirementCategory) => retirementTable(s.retirement.rules, category, s.baseYear, s.years);
  return [
    { sex: 'male', weight: 1, table: table('male') },
    { sex: 'female', weight: s.female55Share, table: table('female-55') },
    { sex: 'female', weight: 1 - s.female55Share, table: table('female-50') },
  ];
}
