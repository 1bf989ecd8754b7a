import type { RetirementCategory, RetirementRules } from './retirement-rules.ts';
import { ageToMonths, formatYearMonth, monthsToAge, parseYearMonth, yearOf, type AgeInMonths, type MonthIndex } from './year-month.ts';

export interface RetirementQuery {
  /** Birth month, YYYY-MM. */
  birth: string;
  category: RetirementCategory;
}

export interface RetirementResult {
  statutoryAge: AgeInMonths;
  retirementMonth: string;
  minContributionYears: number;
  earliestMonth: string;
  latestMonth: string;
  originalAge: AgeInMonths;
  delayMonths: number;
  originalRetirementMonth: string;
  /** Minimum contribution that applies when retiring at the earliest flexible month. */
  minContributionYearsAtEarliest: number;
  flexibleAvailable: boolean;
  birth: string;
  category: RetirementCategory;
  rulesId: string;
}

/** Months of delay for a birth month: one step per `birthMonthsPerStep` months of birth, counting the first. */
export function delayMonthsFor(rules: RetirementRules, category: RetirementCategory, birth: MonthIndex): number {
  const delay = rules.categories[category].delay;
  if (!delay) return 0;
  const since = birth - parseYearMonth(delay.firstAffectedBirth);
  if (since < 0) return 0;
  return Math.min(delay.maxDelayMonths, (Math.floor(since / delay.birthMonthsPerStep) + 1) * delay.monthsPerStep);
}

/** Statutory age in months for a birth month (used by the cohort projection too). */
export function statutoryAgeMonths(rules: RetirementRules, category: RetirementCategory, birth: MonthIndex): number {
  return ageToMonths(rules.categories[category].originalAge) + delayMonthsFor(rules, category, birth);
}

/** 15 years until the first increase year, then +increasePerYear each calendar year, capped. */
export function minContributionYears(rules: RetirementRules, retirementYear: number): number {
  const m = rules.minContribution;
  if (m.firstIncreaseYear === null || retirementYear < m.firstIncreaseYear) return m.baseYears;
  return Math.min(m.maxYears, m.baseYears + (retirementYear - m.firstIncreaseYear + 1) * m.increasePerYear);
}

/**
 * The statutory retirement month is the birth month plus the statutory age: a man born 1965-01 reaches 60y1m
 * in 2025-02. Flexible early retirement moves back at most `maxEarlierMonths` but never before the original age.
 */
export function computeRetirement(rules: RetirementRules, query: RetirementQuery): RetirementResult {
  const birth = parseYearMonth(query.birth);
  const category = rules.categories[query.category];
  const original = ageToMonths(category.originalAge);
  const delay = delayMonthsFor(rules, query.category, birth);
  const statutory = original + delay;
  const retirement = birth + statutory;
  const flex = rules.flexible;
  const flexibleAvailable = flex !== null && retirement >= parseYearMonth(flex.fromMonth);
  let earliest = retirement;
  let latest = retirement;
  if (flex && flexibleAvailable) {
    earliest = retirement - flex.maxEarlierMonths;
    if (flex.notBelowOriginalAge) earliest = Math.max(earliest, birth + original);
    latest = retirement + flex.maxLaterMonths;
  }
  return {
    statutoryAge: monthsToAge(statutory),
    retirementMonth: formatYearMonth(retirement),
    minContributionYears: minContributionYears(rules, yearOf(retirement)),
    earliestMonth: formatYearMonth(earliest),
    latestMonth: formatYearMonth(latest),
    originalAge: monthsToAge(original),
    delayMonths: delay,
    originalRetirementMonth: formatYearMonth(birth + original),
    minContributionYearsAtEarliest: minContributionYears(rules, yearOf(earliest)),
    flexibleAvailable,
    birth: formatYearMonth(birth),
    category: query.category,
    rulesId: rules.id,
  };
}
