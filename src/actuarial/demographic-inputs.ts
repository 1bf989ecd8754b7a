import { deathRates, fertilitySchedule, LAST_YEAR, MAX_AGE, netMigration, populationByAge, sexRatioAtBirth, type Variant, type WppData } from '../demography/wpp.ts';

/**
 * The demographic rates a projection needs, taken once from WPP 2019 (src/demography) for a span of years, so
 * many scenario runs share them. Years after 2100 (the end of WPP) keep the 2100 rates.
 */
export interface DemographicInputs {
  firstYear: number;
  lastYear: number;
  variant: Variant;
  /** Persons by single age 0..100 (100+) on 1 July of the first year. */
  basePopulation: { male: number[]; female: number[] };
  /** [year − firstYear][age] central death rates. */
  mx: { male: number[][]; female: number[][] };
  /** [year − firstYear][age] births per woman, ages 0..49 (zero below 15). */
  fertility: number[][];
  srb: number[];
  /** Net migrants per year (persons). */
  migration: number[];
}

export function buildDemographicInputs(wpp: WppData, firstYear: number, lastYear: number, variant: Variant): DemographicInputs {
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => Math.min(LAST_YEAR, firstYear + i));
  return {
    firstYear,
    lastYear,
    variant,
    basePopulation: populationByAge(wpp, firstYear, variant),
    mx: { male: years.map((y) => deathRates(wpp, y, 'male')), female: years.map((y) => deathRates(wpp, y, 'female')) },
    fertility: years.map((y) => fertilitySchedule(wpp, y)),
    srb: years.map((y) => sexRatioAtBirth(wpp, y)),
    migration: years.map((y) => netMigration(wpp, y)),
  };
}

export { MAX_AGE };
