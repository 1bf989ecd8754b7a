import type { Random } from '../platform/clock.ts';
import { deathRates, fertilitySchedule, populationByAge, type WppData } from '../demography/wpp.ts';
import { valueForYear, type GeneratorParams } from './generator-params.ts';
import { WeightedPicker } from './weighted-picker.ts';
import { addMonthsToDay, dayOf, firstDayOfMonth, monthIndex, monthOfDay, parseDay, yearOfMonth } from './calendar.ts';

/** The regions the generator needs, prepared by the store from the GB/T 2260 directory. */
export interface CityRegions {
  city: { code: string; name: string };
  /** County-level divisions of the city. */
  districts: { code: string; name: string }[];
  /** County-level codes by two-digit province, excluding the city's own. */
  countiesByProvince: Map<string, string[]>;
}

/** Occupation codes (CSCO 2022, detailed level) by medium-group prefix such as `6-29`. */
export type OccupationIndex = Map<string, string[]>;

export interface GenerateOptions {
  persons: number;
  seed: number | string;
  asOf: string;
  months: number;
  defectRate: number;
}

/**
 * Everything fixed for one run: the window, the city's regions, pickers built from the parameters, and the
 * demographic rates by year. Pure, built once, read by every stage.
 */
export interface CityFrame {
  params: GeneratorParams;
  options: GenerateOptions;
  asOfDay: number;
  asOfMonth: number;
  firstMonth: number;
  lastMonth: number;
  city: { code: string; name: string; province: string };
  districts: string[];
  districtPicker: WeightedPicker<string>;
  ruralShareOf(district: string): number;
  migrantOrigin(rng: Random, rural: boolean): string;
  /** Index i: sex = i < 101 ? male : female, age = i % 101 (100 = 100+), weight = population. */
  ageSexPicker: WeightedPicker<number>;
  monthlyDeathProbability(sex: '1' | '2', age: number, year: number): number;
  monthlyBirthProbability(age: number, year: number): number;
  industries: string[];
  employmentIndustryPicker: WeightedPicker<string>;
  migrantIndustryPicker: WeightedPicker<string>;
  employerIndustryPicker: WeightedPicker<string>;
  occupationPickers: Map<string, WeightedPicker<string>>;
  /** All detailed occupations used anywhere (for job seekers without an industry). */
  anyOccupation: WeightedPicker<string>;
  educationPickers: { until: number; picker: WeightedPicker<string> }[];
  contractPicker: WeightedPicker<string>;
  ownershipPickers: Map<string, WeightedPicker<string>>;
  hospitalLevels: { inpatient: WeightedPicker<string>; outpatient: WeightedPicker<string> };
  diagnosisGroups: { inpatient: GeneratorParams['medical']['diagnosisGroups']; outpatient: GeneratorParams['medical']['diagnosisGroups'] };
  averageMonthlyWage(year: number): number;
  minimumWage(year: number): number;
  /** Business-cycle factor around 1 for a month index: > 1 in booms. */
  cycle(month: number): number;
  /**
   * Moves an event day off the as-of date and the window edges (as-of − 6/12/24 months, month starts of the
   * 12/24/36-month windows) and never past the day before the as-of date: a trait's definition can then say
   * "within 12 months" either inclusively or not and count the same people.
   */
  safeDay(day: number): number;
}

export function buildCityFrame(
  params: GeneratorParams,
  options: GenerateOptions,
  regions: CityRegions,
  occupations: OccupationIndex,
  wpp: WppData,
): CityFrame {
  const asOfDay = parseDay(options.asOf);
  const asOfMonth = monthOfDay(asOfDay);
  const firstMonth = asOfMonth - options.months + 1;
  const districts = regions.districts.map((d) => d.code);
  const districtPicker = new WeightedPicker(
    districts,
    districts.map((d) => params.city.districtWeights[d] ?? params.city.otherDistrictWeight),
  );
  const province = regions.city.code.slice(0, 2);
  const inProvince = [...(regions.countiesByProvince.get(province) ?? [])];
  const originProvinces = Object.entries(params.city.migrantOriginProvinces).filter(
    ([p]) => p !== province && (regions.countiesByProvince.get(p)?.length ?? 0) > 0,
  );
  const provincePicker = new WeightedPicker(originProvinces.map(([p]) => p), originProvinces.map(([, w]) => w));
  const migrantOrigin = (rng: Random, rural: boolean): string => {
    // Urban-hukou newcomers are mostly from other cities of the province; rural migrants from further away too.
    const inside = inProvince.length > 0 && rng.chance(rural ? params.city.migrantInProvinceShare : 0.75);
    if (inside) return rng.pick(inProvince);
    return rng.pick(regions.countiesByProvince.get(provincePicker.pick(rng))!);
  };

  const pop = populationByAge(wpp, params.population.wppYear, params.population.wppVariant);
  const ageSexPicker = new WeightedPicker(
    Array.from({ length: 202 }, (_, i) => i),
    [...pop.male, ...pop.female],
  );

  const years: number[] = [];
  for (let y = yearOfMonth(firstMonth) - 1; y <= yearOfMonth(asOfMonth) + 1; y++) years.push(y);
  // Monthly probabilities by [year offset][age], one table per sex: looked up for every person-month.
  const maleDeath: Float64Array[] = [];
  const femaleDeath: Float64Array[] = [];
  const births: Float64Array[] = [];
  for (const y of years) {
    const wy = Math.min(Math.max(y, 1950), 2100);
    const monthly = (r: number) => 1 - Math.exp((-r * params.population.deathScale) / 12);
    maleDeath.push(Float64Array.from(deathRates(wpp, wy, 'male'), monthly));
    femaleDeath.push(Float64Array.from(deathRates(wpp, wy, 'female'), monthly));
    births.push(Float64Array.from(fertilitySchedule(wpp, wy), (f) => (f * params.population.fertilityScale) / 12));
  }
  const yearOffset = (y: number) => Math.min(Math.max(y, years[0]), years[years.length - 1]) - years[0];

  const industries = Object.keys(params.industries);
  const ind = params.industries;
  const boost = params.labour.migrantIndustryBoost;
  const occupationPickers = new Map<string, WeightedPicker<string>>();
  const allCodes = new Set<string>();
  for (const code of industries) {
    const items: string[] = [];
    const weights: number[] = [];
    for (const [prefix, w] of Object.entries(ind[code].occupations)) {
      const list = occupations.get(prefix) ?? [];
      for (const occ of list) {
        items.push(occ);
        weights.push(w / list.length);
        allCodes.add(occ);
      }
    }
    if (items.length === 0) throw new Error(`no occupations for industry ${code}; check the CSCO prefixes`);
    occupationPickers.set(code, new WeightedPicker(items, weights));
  }
  const all = [...allCodes].sort();

  const cycleParams = params.labour.businessCycle;
  const cycleAt = (month: number) =>
    1 + cycleParams.amplitude * Math.sin((2 * Math.PI * (month - monthIndex(2020, 1))) / cycleParams.periodMonths + cycleParams.phase);
  const cycleFrom = firstMonth - 24;
  const cycleTable = Float64Array.from({ length: options.months + 25 }, (_, i) => cycleAt(cycleFrom + i));
  const edges = new Set([
    asOfDay, addMonthsToDay(asOfDay, -6), addMonthsToDay(asOfDay, -12), addMonthsToDay(asOfDay, -24), addMonthsToDay(asOfDay, -36),
    firstDayOfMonth(asOfMonth - 11), firstDayOfMonth(asOfMonth - 23), firstDayOfMonth(asOfMonth - 35),
    firstDayOfMonth(asOfMonth - 11) - 1, firstDayOfMonth(asOfMonth - 23) - 1, firstDayOfMonth(asOfMonth - 35) - 1,
  ]);
  const safeDay = (day: number): number => {
    let d = Math.min(day, asOfDay - 1);
    for (let k = 0; k < 4 && edges.has(d); k++) d = d + 1 >= asOfDay ? d - 2 : d + 1;
    return d;
  };
  return {
    params,
    options,
    asOfDay,
    asOfMonth,
    firstMonth,
    lastMonth: asOfMonth,
    city: { code: regions.city.code, name: regions.city.name, province: `${province}0000` },
    districts,
    districtPicker,
    ruralShareOf: (d) => params.city.ruralDistrictShare[d] ?? params.city.defaultRuralShare,
    migrantOrigin,
    ageSexPicker,
    monthlyDeathProbability: (sex, age, year) => (sex === '1' ? maleDeath : femaleDeath)[yearOffset(year)][Math.min(age, 100)],
    monthlyBirthProbability: (age, year) => (age < 15 || age > 49 ? 0 : births[yearOffset(year)][age]),
    industries,
    employmentIndustryPicker: new WeightedPicker(industries, industries.map((c) => ind[c].employmentShare)),
    migrantIndustryPicker: new WeightedPicker(industries, industries.map((c) => ind[c].employmentShare * (boost[c] ?? 1))),
    employerIndustryPicker: new WeightedPicker(industries, industries.map((c) => ind[c].employerShare)),
    occupationPickers,
    anyOccupation: new WeightedPicker(all, all.map(() => 1)),
    educationPickers: params.population.educationByBirthYear.map((e) => ({ until: e.until, picker: WeightedPicker.fromRecord(e.shares) })),
    contractPicker: WeightedPicker.fromRecord(params.labour.contractTypes),
    ownershipPickers: new Map(industries.map((c) => [c, WeightedPicker.fromRecord(ind[c].ownership)])),
    hospitalLevels: {
      inpatient: WeightedPicker.fromRecord(params.medical.levelShares.inpatient),
      outpatient: WeightedPicker.fromRecord(params.medical.levelShares.outpatient),
    },
    diagnosisGroups: {
      inpatient: params.medical.diagnosisGroups.filter((d) => d.inpatient),
      outpatient: params.medical.diagnosisGroups.filter((d) => !d.inpatient),
    },
    averageMonthlyWage: (year) => valueForYear(params.wages.averageAnnualWage, year) / 12,
    minimumWage: (year) => valueForYear(params.wages.minimumMonthlyWage, year),
    safeDay,
    cycle: (month) => {
      const i = month - cycleFrom;
      return i >= 0 && i < cycleTable.length ? cycleTable[i] : cycleAt(month);
    },
  };
}

/**
 * Statutory retirement month (month index in which the person reaches the age) under the 2024 decision:
 * the original age plus one month per `monthsPerStep` months of birth from the reform's first cohort.
 */
export function retirementMonth(params: GeneratorParams, birthMonth: number, sex: '1' | '2', cadre: boolean): number {
  const r = params.retirement;
  const step = (rule: { fromBirth: string; monthsPerStep: number; maxMonths: number }) => {
    const [y, m] = rule.fromBirth.split('-').map(Number);
    const from = monthIndex(y, m);
    return birthMonth < from ? 0 : Math.min(rule.maxMonths, Math.floor((birthMonth - from) / rule.monthsPerStep) + 1);
  };
  if (sex === '1') return birthMonth + r.maleAge * 12 + step(r.reform.male);
  if (cadre) return birthMonth + r.femaleCadreAge * 12 + step(r.reform.female55);
  return birthMonth + r.femaleWorkerAge * 12 + step(r.reform.female50);
}

export const dayInMonth = (rng: Random, month: number, fromDay = 1, toDay = 28): number =>
  dayOf(yearOfMonth(month), (month % 12) + 1, rng.int(fromDay, toDay));
