import type { MedicalCalibration, PensionCalibration } from './calibration-store.ts';
import { projectPopulation, type PopulationPath } from './cohort-projection.ts';
import type { DemographicInputs } from './demographic-inputs.ts';
import { projectMedicalFund, type MedicalProjection, type MedicalYear, type ResolvedMedicalScenario } from './medical-projection.ts';
import { projectPensionFund, type PensionSummary, type PensionYear, type ResolvedPensionScenario } from './pension-projection.ts';
import type { ResolvedScenario } from './resolve-scenario.ts';
import { scenarioHash } from './scenario-hash.ts';
import { sensitivityTable, type SensitivityRow } from './sensitivity.ts';

export interface ScenarioResult {
  kind: 'pension' | 'medical';
  id: string;
  titleZh: string;
  titleEn: string;
  /** sha256 of the canonical JSON of `assumptions`. */
  hash: string;
  /** The fully resolved scenario: save it as a file and `renshe actuarial project` reproduces this result. */
  assumptions: ResolvedScenario;
  summary: PensionSummary | MedicalProjection['summary'];
  rows: Array<PensionYear | MedicalYear>;
  sensitivity: SensitivityRow[];
}

export interface ProjectionReport {
  generatedAt: string;
  scenarios: ScenarioResult[];
  notes: { zh: string; en: string }[];
  /** With calibration: the store's base-year figures the scenarios were calibrated on. */
  store?: { pension: PensionCalibration | null; medical: Omit<MedicalCalibration, 'byAge'> | null };
}

/** WPP inputs for a scenario's years; the caller caches them (they are the slow part). */
export type DemographyFor = (baseYear: number, years: number, variant: 'low' | 'medium' | 'high') => DemographicInputs;

const notes = [
  {
    zh: '人口数据：联合国《世界人口展望2019》（CC BY 3.0 IGO），经 src/demography 插值为单岁组；队列要素法逐年推算。',
    en: 'Population: UN World Population Prospects 2019 (CC BY 3.0 IGO), interpolated to single ages by src/demography; cohort-component projection year by year.',
  },
  {
    zh: '养老保险：统账合并计算（个人账户养老金由基金支付），赤字不计利息；基年已退休人员按基年平均养老金，此后新退休队列按全国计发办法。',
    en: 'Pension: pooled fund and personal accounts together (account pensions are paid by the fund); deficits bear no interest; base-year retirees start at the base average pension, later cohorts by the national formula.',
  },
  {
    zh: '医疗保险：职工医保统筹基金；支出 = Σ医院等级×门诊/住院（病例数×次均费用×基金支付比例），病例数随按年龄性别费用曲线加权的参保人数变化；支付方式改革以参数作用于住院次均费用增速和病例在医院等级间的转移。',
    en: 'Medical: employee medical pooled fund; expenditure = Σ hospital level × setting (cases × cost per case × fund share), cases following the insured weighted by an age-sex cost curve; payment reform acts on inpatient cost growth and moves cases between levels.',
  },
  {
    zh: '每个情景的 assumptions 为完整解析后的假设（含退休规则与计发参数），hash 为其规范化 JSON 的 SHA-256：保存为文件即可复现结果。',
    en: 'Each scenario’s `assumptions` is the fully resolved input (rules and parameters inline) and `hash` the SHA-256 of its canonical JSON: save it as a file to reproduce the result.',
  },
];

function populationKey(s: ResolvedScenario): string {
  return JSON.stringify([s.baseYear, s.years, s.population]);
}

/** Projects each scenario with its ± one-step sensitivity table; populations are shared between runs. */
export function buildProjectionReport(scenarios: ResolvedScenario[], demographyFor: DemographyFor, options: { generatedAt: string; sensitivity: boolean }): ProjectionReport {
  const cache = new Map<string, PopulationPath>();
  const demos = new Map<string, DemographicInputs>();
  const demoOf = (s: ResolvedScenario) => {
    const key = `${s.baseYear}|${s.years}|${s.population.variant}`;
    let d = demos.get(key);
    if (!d) {
      d = demographyFor(s.baseYear, s.years, s.population.variant);
      demos.set(key, d);
    }
    return d;
  };
  const populationOf = (s: ResolvedScenario) => {
    const key = populationKey(s);
    let p = cache.get(key);
    if (!p) {
      p = projectPopulation(demoOf(s), s.population, s.years - 1);
      cache.set(key, p);
    }
    return p;
  };
  const run = (s: ResolvedScenario) =>
    s.kind === 'pension'
      ? projectPensionFund(s as ResolvedPensionScenario, demoOf(s), populationOf(s))
      : projectMedicalFund(s as ResolvedMedicalScenario, demoOf(s), populationOf(s));
  return {
    generatedAt: options.generatedAt,
    scenarios: scenarios.map((s) => {
      const result = run(s);
      return {
        kind: s.kind,
        id: s.id,
        titleZh: s.titleZh,
        titleEn: s.titleEn,
        hash: scenarioHash(s),
        assumptions: s,
        summary: result.summary,
        rows: result.rows,
        sensitivity: options.sensitivity ? sensitivityTable(s, s.sensitivity, (x) => run(x).summary) : [],
      };
    }),
    notes,
  };
}
