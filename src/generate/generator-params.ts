import { z } from 'zod';

/**
 * Parameters of the synthetic city: policy figures (rates, bases, wages, benefits, retirement ages) and the
 * behavioural shares that shape it. Loaded from data/policy/generator/*.json and validated here.
 */
const share = z.number().min(0).max(1);
const positive = z.number().positive();
const weights = z.record(z.string(), z.number().min(0));
const yearTable = z.record(z.string().regex(/^\d{4}$/), z.number());
const ageTable = z.array(z.tuple([z.number().int().min(0), z.number().min(0)])).min(1);

const industry = z.object({
  employerShare: z.number().min(0),
  employmentShare: z.number().min(0),
  wageFactor: positive,
  injuryRiskClass: z.number().int().min(1).max(8),
  occupations: weights,
  ownership: weights,
});

const schemeRates = z.object({ employer: share, personal: share });

export const generatorParamsSchema = z.object({
  version: z.string(),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.string(),
  city: z.object({
    defaultRegion: z.string().regex(/^\d{6}$/),
    /** Relative population weight of each district; districts not listed get `otherDistrictWeight`. */
    districtWeights: z.record(z.string().regex(/^\d{6}$/), z.number().min(0)),
    otherDistrictWeight: z.number().min(0),
    /** Districts whose locally registered residents are mostly rural hukou. */
    ruralDistrictShare: z.record(z.string().regex(/^\d{6}$/), share),
    defaultRuralShare: share,
    /** Provinces migrants come from, weighted (first two digits of the code). */
    migrantOriginProvinces: z.record(z.string().regex(/^\d{2}$/), z.number().min(0)),
    /** Share of in-province migrants (from other cities of the same province). */
    migrantInProvinceShare: share,
  }),
  wages: z.object({
    /** Average annual wage of urban employees (the base reference), by year, yuan. */
    averageAnnualWage: yearTable,
    minimumMonthlyWage: yearTable,
    logSigma: positive,
    /** Year-on-year nominal wage growth used for individual raises each January. */
    annualGrowth: z.number().min(-0.2).max(0.3),
  }),
  contributions: z.object({
    baseFloorShare: positive,
    baseCeilingShare: positive,
    schemes: z.object({ '110': schemeRates, '310': schemeRates, '210': schemeRates }),
    /** Maternity insurance (510), employer only, for months up to 2019 (merged into 310 from 2020). */
    maternityEmployerRate: share,
    /** Work-injury employer rate by risk class 1..8. */
    injuryRates: z.array(share).length(8),
    flexible: z.object({
      pensionRate: share,
      medicalRate: share,
      baseShares: z.array(positive).min(1),
      medicalShare: share,
    }),
    residentMedicalYearly: yearTable,
    residentMedicalPaymentMonths: z.array(z.number().int().min(1).max(12)).min(1),
    residentPensionTiers: z.array(positive).min(1),
    residentPensionAges: z.tuple([z.number().int(), z.number().int()]),
    payDayRange: z.tuple([z.number().int().min(1).max(28), z.number().int().min(1).max(28)]),
    arrears: z.object({
      employerShare: share,
      flexibleShare: share,
      monthsRange: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
      backPaymentProbability: share,
      interruptionShareFlexible: share,
    }),
  }),
  retirement: z.object({
    maleAge: z.number().int(),
    femaleWorkerAge: z.number().int(),
    femaleCadreAge: z.number().int(),
    femaleCadreShare: share,
    reform: z.object({
      effectiveFrom: z.string(),
      male: z.object({ fromBirth: z.string(), monthsPerStep: z.number().int(), maxMonths: z.number().int() }),
      female55: z.object({ fromBirth: z.string(), monthsPerStep: z.number().int(), maxMonths: z.number().int() }),
      female50: z.object({ fromBirth: z.string(), monthsPerStep: z.number().int(), maxMonths: z.number().int() }),
    }),
  }),
  benefits: z.object({
    pensionYearlyIncrease: yearTable,
    contributionYearsRange: z.tuple([z.number(), z.number()]),
    indexRatioRange: z.tuple([z.number(), z.number()]),
    accountDivisor: z.record(z.string(), z.number()),
    residentPensionMonthly: z.tuple([positive, positive]),
    residentPensionYearlyIncrease: z.number().min(0).max(0.5),
    /** Personal-account balance growth (interest) over the contribution years, as a factor on the sum paid in. */
    accountInterestFactor: positive,
    /** First year of personal accounts; service before it is deemed (视同缴费) and earns no account. */
    personalAccountsFrom: z.number().int(),
    unemploymentMonthly: yearTable,
    unemploymentMonthsByYears: z.array(z.tuple([z.number(), z.number().int()])).min(1),
    unemploymentMinYears: positive,
  }),
  population: z.object({
    wppYear: z.number().int(),
    wppVariant: z.enum(['low', 'medium', 'high']),
    fertilityScale: positive,
    deathScale: positive,
    marriedShareByAge: ageTable,
    disabilityShareByAge: ageTable,
    demobilisedOfficersPerMillion: z.number().min(0),
    lowIncomeHouseholdShare: share,
    migrantShareOfAdults: share,
    migrantRuralShare: share,
    /** Education shares by birth-year threshold: the first row whose year ≥ the birth year applies. */
    educationByBirthYear: z.array(z.object({ until: z.number().int(), shares: weights })).min(1),
    graduationAge: z.record(z.string(), z.number().int()),
  }),
  labour: z.object({
    employeeRateByAge: ageTable,
    femaleEmploymentFactor: positive,
    flexibleShare: share,
    selfEmployedShare: share,
    unemployedShare: share,
    monthlySeparation: share,
    involuntaryShare: share,
    directJobChangeShare: share,
    monthlyJobFinding: share,
    longTermUnemployedShare: share,
    registerUnemployedProbability: share,
    registrationSeasonality: z.array(positive).length(12),
    graduateRegistrationProbability: share,
    wantsBusinessShare: share,
    startBusinessMonthly: share,
    mobileWorkerShare: share,
    migrantIndustryBoost: weights,
    businessCycle: z.object({ amplitude: z.number().min(0).max(0.9), periodMonths: positive, phase: z.number() }),
    contractTypes: weights,
  }),
  employers: z.object({
    personsPerEmployer: positive,
    sizeShares: weights,
    sizeWeights: weights,
    newShareLast12Months: share,
    deregisteredShareInWindow: share,
    foundedYearRange: z.tuple([z.number().int(), z.number().int()]),
  }),
  industries: z.record(z.string().regex(/^[A-T]$/), industry),
  services: z.object({
    coursesPerThousand: positive,
    trainingProbability: share,
    completionProbability: share,
    certificateProbability: share,
    priorCertificateShare: share,
    vacanciesPerEmployerYear: positive,
  }),
  relations: z.object({
    riskyEmployerShare: share,
    riskyIndustries: weights,
    complaintMonthlyRisky: share,
    arbitrationOnInvoluntary: share,
    arbitrationBaseMonthly: share,
    routineInspectionYearly: share,
    gradeCEmployerShare: share,
  }),
  medical: z.object({
    outpatientPerYearByAge: ageTable,
    inpatientPerYearByAge: ageTable,
    diagnosisGroups: z.array(z.object({ code: z.string().max(20), inpatient: z.boolean(), costFactor: positive })).min(1),
    outpatientCost: positive,
    inpatientCost: positive,
    costSigma: positive,
    levelShares: z.object({ inpatient: weights, outpatient: weights }),
    levelCostFactor: weights,
    fundShare: z.object({ employee: share, resident: share }),
  }),
  macro: z.object({ cpiYoyMean: z.number(), cpiYoySd: positive, cpiProvince: z.string().regex(/^\d{6}$/).optional() }),
  defects: z.object({
    defaultRate: share,
    kindWeights: weights,
  }),
});

export type GeneratorParams = z.infer<typeof generatorParamsSchema>;

/** The value for a year from a year table, falling back to the nearest year present. */
const yearCache = new WeakMap<Record<string, number>, Map<number, number>>();

export function valueForYear(table: Record<string, number>, year: number): number {
  let cache = yearCache.get(table);
  if (!cache) {
    cache = new Map();
    yearCache.set(table, cache);
  }
  const hit = cache.get(year);
  if (hit !== undefined) return hit;
  const years = Object.keys(table).map(Number).sort((a, b) => a - b);
  const nearest = years.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best), years[0]);
  const value = table[String(year)] ?? table[String(nearest)];
  cache.set(year, value);
  return value;
}

/** Piecewise-linear lookup in an [age, value] table (flat beyond the ends). */
export function valueForAge(table: [number, number][], age: number): number {
  if (age <= table[0][0]) return table[0][1];
  for (let i = 1; i < table.length; i++) {
    const [a1, v1] = table[i];
    if (age <= a1) {
      const [a0, v0] = table[i - 1];
      return v0 + ((v1 - v0) * (age - a0)) / (a1 - a0);
    }
  }
  return table[table.length - 1][1];
}
