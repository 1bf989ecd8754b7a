import { z } from 'zod';
import { retirementRulesSchema } from './retirement-rules.ts';
import { scheduleSchema } from './schedule.ts';

/** The fields every fund scenario file has, pension or medical, so both kinds read and validate alike. */

export const share = z.number().min(0).max(1);

/** A path into the scenario with the size of one step, for the ± sensitivity table. */
export const sensitivityStepSchema = z.object({ path: z.string().min(1), step: z.number().positive(), zh: z.string(), en: z.string() });

/** What the scenario is, where and over which years, and its retirement rules. Spread after the file's `kind`. */
export const scenarioHeader = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  titleZh: z.string(),
  titleEn: z.string(),
  descriptionZh: z.string().optional(),
  descriptionEn: z.string().optional(),
  region: z.string().min(2),
  baseYear: z.number().int().min(2020).max(2099),
  years: z.number().int().min(1).max(80),
  /** The year whose accumulated balance the sensitivity table compares. */
  reportYear: z.number().int(),
  /** Rules file id (data/policy/retirement) or the rules inline (what a resolved report carries). */
  retirement: z.object({ rules: z.union([z.string(), retirementRulesSchema]) }),
};

export const populationSchema = z.object({
  variant: z.enum(['low', 'medium', 'high']),
  /** Bureau population ÷ national (1 = the whole country). */
  scale: z.number().positive(),
  /** WPP 2019's TFR (~1.7) times this; 0.65 gives the observed ~1.1. */
  fertilityMultiplier: scheduleSchema,
  mortalityMultiplier: z.number().positive(),
  migrationMultiplier: z.number(),
  /** Net migrants are spread evenly over these ages, half of each sex. */
  migrationAges: z.tuple([z.number().int(), z.number().int()]),
});

export const economySchema = z.object({
  /** Local average monthly wage in the base year. */
  avgMonthlyWage: z.number().positive(),
  wageGrowth: scheduleSchema,
  /** Average contribution base ÷ average wage. */
  baseToWageRatio: z.number().positive(),
  investmentReturn: scheduleSchema,
});

export type SensitivityStep = z.infer<typeof sensitivityStepSchema>;
