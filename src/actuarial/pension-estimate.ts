import { AppError, type Problem } from '../platform/errors.ts';
import { computeRetirement, minContributionYears, type RetirementResult } from './compute-retirement.ts';
import { basicPensionMonthly, closeAccountYear, transitionalPensionMonthly } from './pension-formula.ts';
import { monthsDivisorAt, type PensionParameters } from './pension-parameters.ts';
import type { RetirementCategory, RetirementRules } from './retirement-rules.ts';
import { formatYearMonth, monthsToAge, parseYearMonth, yearOf, type AgeInMonths } from './year-month.ts';

/** One calendar year of paid contributions; `referenceWage` is the monthly wage the base is indexed against. */
export interface ContributionYear {
  year: number;
  months: number;
  avgBase: number;
  referenceWage: number;
}

export interface EstimateAssumptions {
  wageGrowth: number;
  accountInterest: number;
  /** Share of future months with a contribution. */
  contributionDensity: number;
  transitionCoefficient: number;
}

export interface PensionEstimateInput {
  birth: string;
  category: RetirementCategory;
  /** Last month already known; the projection starts the month after. */
  asOf: string;
  /** A month inside the flexible window; default the statutory month. */
  retirementMonth?: string;
  /** Local average monthly wage in the `asOf` year. */
  avgMonthlyWage: number;
  /** Future contribution base ÷ local average wage. */
  indexRatio: number;
  history: ContributionYear[];
  /** Personal-account balance at the end of the history, if known (overrides the bookkeeping estimate). */
  knownBalance?: number;
  deemedYears: number;
  assumptions: EstimateAssumptions;
}

export interface PensionEstimate {
  retirement: RetirementResult;
  retirementMonth: string;
  ageAtRetirement: AgeInMonths;
  contributionYears: { past: number; future: number; deemed: number; total: number };
  minContributionYears: number;
  eligible: boolean;
  problems: Problem[];
  avgIndexRatio: number;
  avgMonthlyWageBeforeRetirement: number;
  accountBalance: number;
  monthsDivisor: number;
  monthly: { basic: number; account: number; transitional: number; total: number };
  /** Total ÷ local average wage of the year before retirement. */
  replacementRate: number;
  /** The total deflated by wage growth back to the `asOf` year. */
  totalInAsOfWages: number;
  assumptions: EstimateAssumptions & { avgMonthlyWage: number; indexRatio: number; asOf: string; paramsId: string; rulesId: string };
  formula: string[];
}

const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

export function estimatePension(rules: RetirementRules, params: PensionParameters, input: PensionEstimateInput): PensionEstimate {
  const a = input.assumptions;
  const retirement = computeRetirement(rules, { birth: input.birth, category: input.category });
  const retire = parseYearMonth(input.retirementMonth ?? retirement.retirementMonth);
  if (retire < parseYearMonth(retirement.earliestMonth) || retire > parseYearMonth(retirement.latestMonth)) {
    throw new AppError('INPUT_INVALID', {
      zh: `退休月份 ${formatYearMonth(retire)} 不在弹性退休区间 ${retirement.earliestMonth}～${retirement.latestMonth} 内。`,
      en: `Retirement month ${formatYearMonth(retire)} is outside the flexible window ${retirement.earliestMonth}–${retirement.latestMonth}.`,
    });
  }
  const asOf = parseYearMonth(input.asOf);
  const asOfYear = yearOf(asOf);
  const c = params.contribution;
  const wageIn = (year: number) => input.avgMonthlyWage * (1 + a.wageGrowth) ** (year - asOfYear);
  // Announced bookkeeping rates where they exist, the assumption elsewhere.
  const rateIn = (year: number) => params.history.accountInterest[String(year)] ?? a.accountInterest;

  // Past: the years as recorded, credited and compounded with the announced bookkeeping rates.
  let balance = 0;
  let indexedMonths = 0;
  let pastMonths = 0;
  // Credits recorded in the asOf year are closed together with that year's projected credits below.
  let openYearCredits = 0;
  for (const y of [...input.history].sort((p, q) => p.year - q.year)) {
    const ratio = clip(y.avgBase / y.referenceWage, c.baseFloorRatio, c.baseCapRatio);
    indexedMonths += ratio * y.months;
    pastMonths += y.months;
    const credits = y.avgBase * c.accountRate * y.months;
    if (y.year < asOfYear) balance = closeAccountYear(balance, credits, rateIn(y.year));
    else openYearCredits += credits;
  }
  if (input.knownBalance !== undefined) {
    balance = input.knownBalance;
    openYearCredits = 0;
  }

  // Future: from the month after asOf to the month before retirement, at the assumed density and index.
  const futureRatio = clip(input.indexRatio, c.baseFloorRatio, c.baseCapRatio);
  let futureMonths = 0;
  for (let year = asOfYear; year <= yearOf(retire); year++) {
    const first = Math.max(asOf + 1, year * 12);
    const last = Math.min(retire - 1, year * 12 + 11);
    const months = Math.max(0, last - first + 1) * a.contributionDensity;
    futureMonths += months;
    indexedMonths += futureRatio * months;
    const credits = futureRatio * wageIn(year) * c.accountRate * months + (year === asOfYear ? openYearCredits : 0);
    // Interest runs to retirement: whole years, then the months of the retirement year.
    const fraction = year === yearOf(retire) ? (retire - year * 12) / 12 : 1;
    balance = closeAccountYear(balance, credits, rateIn(year), fraction);
  }

  if (yearOf(retire) < asOfYear) balance += openYearCredits;
  const pastYears = pastMonths / 12;
  const futureYears = futureMonths / 12;
  const total = pastYears + futureYears + input.deemedYears;
  const avgIndexRatio = pastMonths + futureMonths > 0 ? indexedMonths / (pastMonths + futureMonths) : futureRatio;
  const ageMonths = retire - parseYearMonth(input.birth);
  const divisor = monthsDivisorAt(params, ageMonths);
  const wBefore = wageIn(yearOf(retire) - 1);
  const basic = basicPensionMonthly(wBefore, avgIndexRatio, total, params.benefit.basicPercentPerYear);
  const account = balance / divisor;
  const transitional = transitionalPensionMonthly(wBefore, avgIndexRatio, input.deemedYears, a.transitionCoefficient);
  const sum = basic + account + transitional;
  const minYears = minContributionYears(rules, yearOf(retire));
  const eligible = total + 1e-9 >= minYears;
  const problems: Problem[] = eligible
    ? []
    : [
        {
          code: 'PENSION_MIN_CONTRIBUTION_NOT_MET',
          zh: `累计缴费年限 ${total.toFixed(1)} 年，低于 ${yearOf(retire)} 年退休所需的 ${minYears} 年：需延长缴费或一次性补缴后方可按月领取（以下金额按满足条件计算）。`,
          en: `${total.toFixed(1)} contribution years is below the ${minYears} required for retiring in ${yearOf(retire)}: contribute longer first (amounts below assume the condition is met).`,
        },
      ];
  return {
    retirement,
    retirementMonth: formatYearMonth(retire),
    ageAtRetirement: monthsToAge(ageMonths),
    contributionYears: { past: round2(pastYears), future: round2(futureYears), deemed: input.deemedYears, total: round2(total) },
    minContributionYears: minYears,
    eligible,
    problems,
    avgIndexRatio: Math.round(avgIndexRatio * 10000) / 10000,
    avgMonthlyWageBeforeRetirement: round2(wBefore),
    accountBalance: round2(balance),
    monthsDivisor: round2(divisor),
    monthly: { basic: round2(basic), account: round2(account), transitional: round2(transitional), total: round2(sum) },
    replacementRate: Math.round((sum / wBefore) * 10000) / 10000,
    totalInAsOfWages: round2(sum / (1 + a.wageGrowth) ** (yearOf(retire) - asOfYear)),
    assumptions: { ...a, avgMonthlyWage: input.avgMonthlyWage, indexRatio: futureRatio, asOf: input.asOf, paramsId: params.id, rulesId: rules.id },
    formula: [
      '基础养老金 = 退休上年当地月平均工资 × (1 + 平均缴费指数) ÷ 2 × 缴费年限(含视同) × 1%',
      'basic = avg monthly wage (year before retirement) × (1 + average index) / 2 × years (incl. deemed) × 1%',
      '个人账户养老金 = 个人账户储存额 ÷ 计发月数（非整岁按月线性插值）; account = balance / months divisor (interpolated by months of age)',
      '过渡性养老金 = 月平均工资 × 平均缴费指数 × 视同缴费年限 × 过渡系数; transitional = wage × index × deemed years × coefficient',
    ],
  };
}

/**
 * A hand-entered person: `years` of past contributions ending in the `asOf` month, all at the same index, with
 * the reference wage deflated by the assumed growth year by year.
 */
export function syntheticHistory(years: number, asOf: string, avgMonthlyWage: number, indexRatio: number, wageGrowth: number): ContributionYear[] {
  const end = parseYearMonth(asOf);
  const start = end - Math.round(years * 12) + 1;
  const out: ContributionYear[] = [];
  for (let year = yearOf(end); year >= yearOf(start); year--) {
    const months = Math.min(end, year * 12 + 11) - Math.max(start, year * 12) + 1;
    const referenceWage = avgMonthlyWage / (1 + wageGrowth) ** (yearOf(end) - year);
    out.push({ year, months, avgBase: referenceWage * indexRatio, referenceWage });
  }
  return out;
}
