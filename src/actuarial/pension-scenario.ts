import { z } from 'zod';
import { pensionParametersSchema } from './pension-parameters.ts';
import { economySchema, populationSchema, scenarioHeader, sensitivityStepSchema, share } from './scenario-fields.ts';
import { scheduleSchema } from './schedule.ts';

const band = z.object({
  from: z.number().int().min(0).max(100),
  to: z.number().int().min(0).max(100),
  rate: share,
  /** This age-sex band's contribution density relative to `contributionDensity` (1 = the same). */
  densityFactor: z.number().min(0).max(2).default(1),
});

/**
 * One pension-fund scenario (data/scenarios/pension/*.json). Every assumption of the projection is here, so a
 * report can be reproduced from the (resolved) file alone. Money is yuan per month unless named otherwise.
 */
export const pensionScenarioSchema = z.object({
  kind: z.literal('pension'),
  ...scenarioHeader,
  /** Pension parameter file id (data/policy/pension) or the parameters inline: months divisor, account rate. */
  pensionParameters: z.union([z.string(), pensionParametersSchema]),
  population: populationSchema,
  participation: z.object({
    /** Share of the population enrolled as a contributing employee, by age band and sex, in the base year. */
    male: z.array(band).min(1),
    female: z.array(band).min(1),
    /** Added to every band each year (coverage expansion), up to `cap`. */
    growthPerYear: z.number(),
    cap: share,
    /** Share of enrolled workers actually paying in a year (full-year equivalents), times each band's factor. */
    contributionDensity: scheduleSchema,
  }),
  /** Women whose original retirement age was 55 (cadres) rather than 50 (workers). */
  female55Share: share,
  economy: economySchema,
  contribution: z.object({ rate: scheduleSchema }),
  benefit: z.object({
    /** Yearly increase of pensions in payment. */
    indexation: scheduleSchema,
    entryAge: z.number().int().min(14).max(35),
    /** Share of the years from entry to retirement that count as contribution years. */
    careerDensity: share,
    /** New retirees' average indexed contribution wage ratio. */
    avgIndexRatio: z.number().positive(),
    /** Service before this year is deemed (视同缴费) and earns the transitional pension. */
    accountsStartYear: z.number().int(),
    transitionCoefficient: z.number().min(0),
    accountInterest: scheduleSchema,
    /** Share of a cohort's peak enrolment that retires with a pension entitlement. */
    entitledShareOfEnrolment: share,
  }),
  base: z.object({
    /** Share of people past retirement age drawing an employee pension in the base year, by sex. */
    retireeCoverage: z.object({ male: share, female: share }),
    avgMonthlyPension: z.number().positive(),
    /** Accumulated fund balance at the start of the base year, in months of base-year expenditure. */
    fundBalanceMonths: z.number(),
    /** When set (e.g. by --calibrate), the model is scaled to these base-year counts (full-year equivalents). */
    contributors: z.number().positive().nullable(),
    retirees: z.number().positive().nullable(),
    /** When set, overrides avgMonthlyWage × baseToWageRatio in the base year. */
    avgMonthlyBase: z.number().positive().nullable(),
    calibratedFrom: z.string().nullable(),
  }),
  subsidy: z.object({ shareOfExpenditure: scheduleSchema }),
  sensitivity: z.array(sensitivityStepSchema),
});

export type PensionScenario = z.infer<typeof pensionScenarioSchema>;
export type AgeBand = z.infer<typeof band>;
