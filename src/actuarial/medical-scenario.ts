import { z } from 'zod';
import { economySchema, populationSchema, scenarioHeader, sensitivityStepSchema, share } from './scenario-fields.ts';
import { scheduleSchema } from './schedule.ts';

const ageBand = z.object({ from: z.number().int().min(0).max(100), to: z.number().int().min(0).max(100), male: z.number().min(0), female: z.number().min(0) });

export const hospitalLevels = ['1', '2', '3'] as const;
export const settings = ['inpatient', 'outpatient'] as const;

/** One hospital level × setting of the base year, per insured person. */
const componentSchema = z.object({
  level: z.enum(hospitalLevels),
  setting: z.enum(settings),
  /** Settled cases per 1,000 insured per year. */
  casesPerThousand: z.number().min(0),
  /** Total cost per case (yuan). */
  unitCost: z.number().min(0),
  /** Share of the total cost paid by the pooled fund. */
  fundShare: share,
  /** Yearly growth of cases per insured person beyond ageing, and of cost per case, without reform. */
  utilisationGrowth: scheduleSchema,
  unitCostGrowth: scheduleSchema,
});

/**
 * Employee medical insurance pooled fund (职工医保统筹基金) under payment-method reform
 * (data/scenarios/medical/*.json). Expenditure = Σ level × setting: cases × cost per case × fund share, where
 * cases follow the insured population weighted by an age-sex cost curve; the reform acts on inpatient cost
 * growth and moves inpatient cases between levels.
 */
export const medicalScenarioSchema = z.object({
  kind: z.literal('medical'),
  ...scenarioHeader,
  population: populationSchema,
  female55Share: share,
  /** Share of the population insured in the employee scheme, by age band and sex (workers and retirees). */
  coverage: z.array(ageBand).min(1),
  /** Relative fund cost per insured person by age band and sex (any scale: only ratios matter). */
  costCurve: z.array(ageBand).min(1),
  /** Share of insured workers paying in a year. */
  contributionDensity: scheduleSchema,
  economy: economySchema,
  /** Share of the base that goes to the pooled fund (after personal accounts). */
  pooledContributionRate: scheduleSchema,
  components: z.array(componentSchema).min(1),
  reform: z.object({
    /** null: fee-for-service continues. */
    startYear: z.number().int().nullable(),
    /** Effects ramp up linearly over these years. */
    phaseInYears: z.number().int().min(1),
    /** Points taken off the yearly inpatient cost-per-case growth once fully in force. */
    inpatientUnitCostGrowthReduction: z.number(),
    /** Points added back for coding inflation (upcoding) under group payment. */
    codingInflation: z.number(),
    /** Inpatient cases moved each year from one level to another, as a share of the source level's cases. */
    levelShift: z.object({ from: z.enum(hospitalLevels), to: z.enum(hospitalLevels), sharePerYear: share, maxShare: share }),
  }),
  base: z.object({
    fundBalanceMonths: z.number(),
    /** When set (e.g. by --calibrate), the insured population is scaled to this base-year count. */
    insured: z.number().positive().nullable(),
    avgMonthlyBase: z.number().positive().nullable(),
    calibratedFrom: z.string().nullable(),
  }),
  sensitivity: z.array(sensitivityStepSchema),
});

export type MedicalScenario = z.infer<typeof medicalScenarioSchema>;
export type MedicalComponent = z.infer<typeof componentSchema>;
export type AgeSexBand = z.infer<typeof ageBand>;
