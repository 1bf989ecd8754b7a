import { z } from 'zod';
import { parsePolicyFile, policyFileHeader } from './policy-file.ts';

/**
 * The statutory retirement-age schedule as data (data/policy/retirement/<region>-<year>.json). A later decision
 * is a new file with a later `effectiveFrom`; nothing about ages or steps lives in code.
 */
export const retirementCategories = ['male', 'female-55', 'female-50'] as const;
export type RetirementCategory = (typeof retirementCategories)[number];

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const age = z.object({ years: z.number().int().min(16).max(80), months: z.number().int().min(0).max(11) });

const delaySchema = z.object({
  /** First birth month whose statutory age is raised. */
  firstAffectedBirth: yearMonth,
  /** Every this many birth months the age rises by `monthsPerStep`. */
  birthMonthsPerStep: z.number().int().min(1),
  monthsPerStep: z.number().int().min(1),
  /** The final age minus the original age, in months. */
  maxDelayMonths: z.number().int().min(0),
});

const categorySchema = z.object({
  zh: z.string(),
  en: z.string(),
  originalAge: age,
  delay: delaySchema.nullable(),
});

export const retirementRulesSchema = z.object({
  ...policyFileHeader,
  categories: z.object({ male: categorySchema, 'female-55': categorySchema, 'female-50': categorySchema }),
  /** Minimum contribution years for a monthly pension, by the calendar year of retirement. */
  minContribution: z.object({
    baseYears: z.number().min(0),
    firstIncreaseYear: z.number().int().nullable(),
    increasePerYear: z.number().min(0),
    maxYears: z.number().min(0),
  }),
  /** Flexible retirement around the statutory month; null where the rules allow none. */
  flexible: z
    .object({
      maxEarlierMonths: z.number().int().min(0),
      maxLaterMonths: z.number().int().min(0),
      /** Early retirement never goes below the original (pre-reform) age. */
      notBelowOriginalAge: z.boolean(),
      /** Only people whose statutory month is on or after this month may choose. */
      fromMonth: yearMonth,
    })
    .nullable(),
});

export type RetirementRules = z.infer<typeof retirementRulesSchema>;
export type CategoryRules = z.infer<typeof categorySchema>;

export function parseRetirementRules(raw: unknown, origin: string): RetirementRules {
  return parsePolicyFile(retirementRulesSchema, raw, origin, { zh: '退休年龄规则文件', en: 'Retirement rules file' });
}

export function isRetirementCategory(text: string): text is RetirementCategory {
  return (retirementCategories as readonly string[]).includes(text);
}
