import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { syntheticHistory, type ContributionYear, type PensionEstimateInput } from './pension-estimate.ts';
import type { PensionParameters } from './pension-parameters.ts';
import type { PensionHistory } from './pension-store.ts';
import { retirementCategories } from './retirement-rules.ts';
import { formatYearMonth, parseYearMonth, yearOf } from './year-month.ts';

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/** What the CLI and the API accept: a person in the store (`id`) or one entered by hand. */
export const pensionEstimateRequestSchema = z.object({
  id: z.string().min(15).max(18).optional(),
  birth: yearMonth.optional(),
  category: z.enum(retirementCategories).optional(),
  /** The person's current monthly wage (contribution base). */
  wage: z.number().positive().optional(),
  /** Years contributed so far; for a stored person, the total including years before the store's records. */
  yearsContributed: z.number().min(0).max(60).optional(),
  /** Personal-account balance today, if known. */
  balance: z.number().min(0).optional(),
  /** Local average monthly wage this year. */
  avgWage: z.number().positive().optional(),
  deemedYears: z.number().min(0).max(50).default(0),
  retire: yearMonth.optional(),
  asOf: yearMonth.optional(),
  wageGrowth: z.number().min(-0.2).max(0.5).optional(),
  interest: z.number().min(-0.2).max(0.5).optional(),
  density: z.number().min(0).max(1).optional(),
  transitionCoefficient: z.number().min(0).max(0.05).optional(),
});

export type PensionEstimateRequest = z.infer<typeof pensionEstimateRequestSchema>;

function missing(what: string): AppError {
  return new AppError('INPUT_INVALID', {
    zh: `手工测算需要 ${what}（或用 --id 指定库中人员）。`,
    en: `A hand-entered estimate needs ${what} (or use --id for a person in the store).`,
  });
}

/**
 * Turns a request (and, for `id`, the person's stored history) into the pure estimator's input. `today` is the
 * clock's month: the last known month is the one before it.
 */
export function buildEstimateInput(request: PensionEstimateRequest, params: PensionParameters, today: string, history?: PensionHistory): PensionEstimateInput {
  const d = params.defaultAssumptions;
  const assumptions = {
    wageGrowth: request.wageGrowth ?? d.wageGrowth,
    accountInterest: request.interest ?? d.accountInterest,
    contributionDensity: request.density ?? d.contributionDensity,
    transitionCoefficient: request.transitionCoefficient ?? params.benefit.transitionCoefficient,
  };
  const asOf = request.asOf ?? formatYearMonth(parseYearMonth(today) - 1);
  const asOfYear = yearOf(parseYearMonth(asOf));
  const grow = (value: number, fromYear: number) => value * (1 + assumptions.wageGrowth) ** (asOfYear - fromYear);
  const common = { asOf, retirementMonth: request.retire, deemedYears: request.deemedYears, assumptions };

  if (history) {
    const ref = history.latestReference;
    const avgMonthlyWage = request.avgWage ?? (ref ? grow(ref.avgBase, ref.year) : undefined);
    if (avgMonthlyWage === undefined) throw missing('--avg-wage');
    const recorded = history.years.filter((y) => y.year <= asOfYear);
    const last = recorded[recorded.length - 1];
    const indexRatio = request.wage ? request.wage / avgMonthlyWage : last ? last.avgBase / last.referenceWage : 1;
    return {
      ...common,
      birth: history.birthDate.slice(0, 7),
      category: request.category ?? (history.sex === '1' ? 'male' : 'female-55'),
      avgMonthlyWage,
      indexRatio,
      history: [...earlierYears(request.yearsContributed, recorded, avgMonthlyWage, asOfYear, assumptions.wageGrowth), ...recorded],
      knownBalance: request.balance,
    };
  }
  if (!request.birth) throw missing('--birth');
  if (!request.category) throw missing('--category');
  if (!request.wage) throw missing('--wage');
  const wages = Object.entries(params.history.averageAnnualWage).sort(([a], [b]) => Number(b) - Number(a));
  const avgMonthlyWage = request.avgWage ?? (wages.length > 0 ? grow(wages[0][1] / 12, Number(wages[0][0])) : undefined);
  if (avgMonthlyWage === undefined) throw missing('--avg-wage');
  const indexRatio = request.wage / avgMonthlyWage;
  return {
    ...common,
    birth: request.birth,
    category: request.category,
    avgMonthlyWage,
    indexRatio,
    history: syntheticHistory(request.yearsContributed ?? 0, asOf, avgMonthlyWage, indexRatio, assumptions.wageGrowth),
    knownBalance: request.balance,
  };
}

/**
 * The store's window rarely covers a whole career: with `yearsContributed` above the recorded years, the missing
 * years are assumed to come just before the first recorded one, at the recorded average index, on a wage path
 * deflated by the assumed growth.
 */
function earlierYears(total: number | undefined, recorded: ContributionYear[], avgMonthlyWage: number, asOfYear: number, growth: number): ContributionYear[] {
  const recordedYears = recorded.reduce((a, y) => a + y.months, 0) / 12;
  if (total === undefined || total <= recordedYears) return [];
  const first = recorded[0]?.year ?? asOfYear + 1;
  const months = recorded.reduce((a, y) => a + y.months, 0);
  const ratio = months > 0 ? recorded.reduce((a, y) => a + (y.avgBase / y.referenceWage) * y.months, 0) / months : 1;
  const wageBefore = avgMonthlyWage / (1 + growth) ** (asOfYear - (first - 1));
  return syntheticHistory(total - recordedYears, `${first - 1}-12`, wageBefore, ratio, growth).reverse();
}
