import { AppError } from '../platform/errors.ts';
import { splitGroups } from './split-groups.ts';
import {
  ASFR_GROUP_STARTS,
  MX_AGES,
  POP_GROUPS,
  type PeriodSeries,
  type PopulationTable,
  type Sex,
  type Variant,
  type WppData,
} from './wpp-data.ts';

export type { Sex, Variant, WppData } from './wpp-data.ts';

export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2100;
export const LAST_OBSERVED_YEAR = 2020;
/** Single years of age 0..100, the last being the open group 100+. */
export const MAX_AGE = 100;

function checkYear(year: number): void {
  if (!Number.isFinite(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new AppError('INPUT_INVALID', {
      zh: `年份 ${year} 超出人口数据范围（${FIRST_YEAR}–${LAST_YEAR}）。`,
      en: `Year ${year} is outside the population data (${FIRST_YEAR}–${LAST_YEAR}).`,
    });
  }
}

/** Where t falls between sorted knots: lower index and weight of the upper one, clamped at both ends. */
function bracket(knots: readonly number[], t: number): { i: number; w: number } {
  if (t <= knots[0]) return { i: 0, w: 0 };
  const last = knots.length - 1;
  if (t >= knots[last]) return { i: last, w: 0 };
  let i = 0;
  while (knots[i + 1] < t) i++;
  return { i, w: (t - knots[i]) / (knots[i + 1] - knots[i]) };
}

const lerp = (a: number, b: number, w: number) => a + (b - a) * w;
const loglerp = (a: number, b: number, w: number) => Math.exp(lerp(Math.log(a), Math.log(b), w));

/**
 * WPP periods run from 1 July of the first year for five years, so a period's midpoint is its first year + 2.5
 * in "1 July" time; a calendar year's mid-year point is that year itself in the same time.
 */
const periodMid = (start: number) => start + 2.5;

function periodValue(s: PeriodSeries, year: number): number {
  const { i, w } = bracket(s.periodStarts.map(periodMid), year);
  return w === 0 ? s.values[i] : lerp(s.values[i], s.values[i + 1], w);
}

function groupTotals(table: PopulationTable, year: number): number[] {
  const { i, w } = bracket(table.years, year);
  const a = table.byYear[i];
  if (w === 0) return [...a];
  const b = table.byYear[i + 1];
  return a.map((v, g) => lerp(v, b[g], w));
}

/** Observed table through 2020 followed by the variant's projection. */
function joinedTable(wpp: WppData, sex: Sex, variant: Variant): PopulationTable {
  const observed = wpp.pop[sex];
  const projected = wpp.popProjection[variant][sex];
  const keep = projected.years.map((y, i) => ({ y, i })).filter(({ y }) => y > observed.years[observed.years.length - 1]);
  return {
    years: [...observed.years, ...keep.map(({ y }) => y)],
    byYear: [...observed.byYear, ...keep.map(({ i }) => projected.byYear[i])],
  };
}

function singleYears(groups: number[]): number[] {
  const single = splitGroups(groups.slice(0, POP_GROUPS - 1), 5).map((v) => v * 1000);
  single.push(groups[POP_GROUPS - 1] * 1000);
  return single;
}

/**
 * Persons by single year of age 0..100 (100 = 100+) on 1 July of `year`: observed to 2020, the variant's
 * projection after; linear between the five-year points, groups split smoothly with their sums preserved.
 */
export function populationByAge(
  wpp: WppData,
  year: number,
  variant: Variant = 'medium',
): { male: number[]; female: number[] } {
  checkYear(year);
  const table = (sex: Sex) => joinedTable(wpp, sex, variant);
  return {
    male: singleYears(groupTotals(table('male'), year)),
    female: singleYears(groupTotals(table('female'), year)),
  };
}

/**
 * Central death rate at a single age. Age 0 is the infant rate itself; from age 1 the abridged rates are placed
 * at the midpoints of their age intervals (1–4 at 3, 5–9 at 7.5, …, 100+ at 100.5) and log-linearly
 * interpolated at each single year's midpoint, so a rising curve is not biased low within a group. Between
 * periods: log-linear in time between period midpoints, clamped at 1950–1955 and 2095–2100.
 */
export function deathRate(wpp: WppData, year: number, sex: Sex, age: number): number {
  checkYear(year);
  const table = wpp.mx[sex];
  const { i, w } = bracket(table.periodStarts.map(periodMid), year);
  const atAge = (rates: number[]) => rateAtAge(rates, age);
  const a = atAge(table.byPeriod[i]);
  return w === 0 ? a : loglerp(a, atAge(table.byPeriod[i + 1]), w);
}

const MX_KNOTS = MX_AGES.map((a, k) => {
  if (k === 0) return 0.5;
  if (k === MX_AGES.length - 1) return a + 0.5;
  return (a + MX_AGES[k + 1]) / 2;
});

function rateAtAge(rates: number[], age: number): number {
  if (age <= 0) return rates[0];
  const x = Math.min(age, MAX_AGE) + 0.5;
  // Knots from index 1 on: the infant rate is not a point on the adult curve.
  const knots = MX_KNOTS.slice(1);
  const values = rates.slice(1);
  const { i, w } = bracket(knots, x);
  return w === 0 ? values[i] : loglerp(values[i], values[i + 1], w);
}

/** Age-specific fertility (births per woman per year) at single ages 15–49, zero outside; sums to the TFR. */
export function fertilityRate(wpp: WppData, year: number, age: number): number {
  return fertilitySchedule(wpp, year)[age] ?? 0;
}

/** The whole fertility schedule for a year: index = age (0..49), zero below 15. */
export function fertilitySchedule(wpp: WppData, year: number): number[] {
  checkYear(year);
  const tfr = periodValue(wpp.tfr, year);
  const { i, w } = bracket(wpp.percentAsfr.periodStarts.map(periodMid), year);
  const a = wpp.percentAsfr.byPeriod[i];
  const b = wpp.percentAsfr.byPeriod[Math.min(i + 1, wpp.percentAsfr.byPeriod.length - 1)];
  const pct = a.map((v, g) => lerp(v, b[g], w));
  const pctSum = pct.reduce((x, y) => x + y, 0);
  const groupBirths = pct.map((p) => (tfr * p) / pctSum);
  const single = splitGroups(groupBirths, 5);
  const out = new Array<number>(ASFR_GROUP_STARTS[0]).fill(0);
  return out.concat(single);
}

export function sexRatioAtBirth(wpp: WppData, year: number): number {
  checkYear(year);
  return periodValue(wpp.sexRatioAtBirth, year);
}

/** Net migrants per year (persons; negative = net emigration). */
export function netMigration(wpp: WppData, year: number): number {
  checkYear(year);
  return (periodValue(wpp.migration, year) * 1000) / 5;
}

/** Life expectancy at birth from the WPP e0 tables, interpolated between periods. */
export function lifeExpectancy(wpp: WppData, year: number, sex: Sex): number {
  checkYear(year);
  return periodValue(wpp.e0[sex], year);
}

/**
 * Period life expectancy at birth from single-age central death rates (index = age, last = open group),
 * with a0 = 0.1 for infants and mid-year deaths elsewhere. Used to check the interpolated rates.
 */
export function lifeTableE0(mx: readonly number[]): number {
  let survivors = 1;
  let years = 0;
  for (let age = 0; age < mx.length; age++) {
    const m = mx[age];
    if (age === mx.length - 1) {
      years += survivors / m;
      break;
    }
    const a = age === 0 ? 0.1 : 0.5;
    const q = Math.min(1, m / (1 + (1 - a) * m));
    const deaths = survivors * q;
    years += survivors - deaths + a * deaths;
    survivors -= deaths;
  }
  return years;
}

/** Single-age death rates 0..100 for a year and sex (for simulations that need the whole schedule). */
export function deathRates(wpp: WppData, year: number, sex: Sex): number[] {
  return Array.from({ length: MAX_AGE + 1 }, (_, age) => deathRate(wpp, year, sex, age));
}
