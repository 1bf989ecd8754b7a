import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { parsePolicyFile, policyFileHeader } from './policy-file.ts';

/** Contribution and benefit parameters of the employee pension (data/policy/pension/<region>-<year>.json). */
const rate = z.number().min(0).max(1);
const byYear = z.record(z.string().regex(/^\d{4}$/), z.number());

export const pensionParametersSchema = z.object({
  ...policyFileHeader,
  contribution: z.object({
    employerRate: rate,
    individualRate: rate,
    /** Share of the base credited to the personal account each month. */
    accountRate: rate,
    baseFloorRatio: z.number().min(0),
    baseCapRatio: z.number().min(0),
  }),
  benefit: z.object({
    basicPercentPerYear: rate,
    transitionCoefficient: rate,
    transitionCoefficientNoteZh: z.string().optional(),
    /** Official months divisor by whole age at retirement (Guofa [2005] No. 38 annex). */
    monthsDivisor: z.record(z.string().regex(/^\d{2}$/), z.number().positive()),
  }),
  history: z.object({
    pensionIncrease: byYear,
    accountInterest: byYear,
    averageAnnualWage: byYear,
    averageAnnualWageNoteZh: z.string().optional(),
  }),
  defaultAssumptions: z.object({
    wageGrowth: z.number().min(-0.5).max(1),
    accountInterest: z.number().min(-0.5).max(1),
    pensionIndexation: z.number().min(-0.5).max(1),
    contributionDensity: rate,
  }),
});

export type PensionParameters = z.infer<typeof pensionParametersSchema>;

export function parsePensionParameters(raw: unknown, origin: string): PensionParameters {
  return parsePolicyFile(pensionParametersSchema, raw, origin, { zh: '养老保险参数文件', en: 'Pension parameter file' });
}

// Projections ask for divisors thousands of times; sort the table once per parameter object.
const sortedTables = new WeakMap<PensionParameters['benefit']['monthsDivisor'], { ages: number[]; values: number[] }>();

function sortedDivisors(params: PensionParameters): { ages: number[]; values: number[] } {
  const table = params.benefit.monthsDivisor;
  let sorted = sortedTables.get(table);
  if (!sorted) {
    const ages = Object.keys(table).map(Number).sort((a, b) => a - b);
    sorted = { ages, values: ages.map((a) => table[String(a)]) };
    sortedTables.set(table, sorted);
  }
  return sorted;
}

/**
 * Months divisor at an age given in months. The table only has whole ages; the reform creates ages such as
 * 61y4m, so we interpolate linearly between the two neighbouring whole ages by the extra months (61y4m →
 * 132 + (125 − 132) × 4/12 ≈ 129.67). Ages outside the table are clamped to its ends.
 */
export function monthsDivisorAt(params: PensionParameters, ageMonths: number): number {
  const { ages, values } = sortedDivisors(params);
  const years = ageMonths / 12;
  if (years <= ages[0]) return values[0];
  if (years >= ages[ages.length - 1]) return values[values.length - 1];
  const whole = Math.floor(years);
  const k = ages.indexOf(whole);
  if (k < 0 || ages[k + 1] !== whole + 1) {
    throw new AppError('POLICY_INVALID', {
      zh: `计发月数表缺少 ${whole} 或 ${whole + 1} 岁。`,
      en: `The months-divisor table lacks age ${whole} or ${whole + 1}.`,
    });
  }
  return values[k] + (values[k + 1] - values[k]) * ((ageMonths - whole * 12) / 12);
}
