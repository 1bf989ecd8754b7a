import type { Database } from '../platform/database.ts';
import { AppError } from '../platform/errors.ts';
import { readWpp } from '../demography/wpp-store.ts';
import type { WppData } from '../demography/wpp.ts';
import { calibrateMedicalScenario, calibratePensionScenario } from './apply-calibration.ts';
import { readMedicalCalibration, readPensionCalibration, type MedicalCalibration, type PensionCalibration } from './calibration-store.ts';
import { buildDemographicInputs, type DemographicInputs } from './demographic-inputs.ts';
import type { ResolvedMedicalScenario } from './medical-projection.ts';
import { loadPensionParameters } from './pension-parameters-store.ts';
import type { ResolvedPensionScenario } from './pension-projection.ts';
import { buildProjectionReport, type ProjectionReport } from './projection-report.ts';
import { resolveScenario, type PolicyLookup, type ResolvedScenario } from './resolve-scenario.ts';
import { loadRetirementRules } from './retirement-rules-store.ts';
import { listScenarioFiles, readScenarioFile } from './scenario-store.ts';

export interface ProjectionRequest {
  /** Scenario names or file paths, or scenario objects (e.g. edited in the console). */
  scenarios: Array<string | Record<string, unknown>>;
  years?: number;
  calibrate?: boolean;
  calibrationYear?: number;
  sensitivity?: boolean;
}

export interface ProjectionContext {
  policyDir: string;
  sharedDataDir: string;
  /** Needed for `calibrate`. */
  db?: Database;
  now: Date;
}

// The WPP tables are read once per process and folder: they never change while it runs.
const wppByDir = new Map<string, Promise<WppData>>();

function wppFor(dir: string): Promise<WppData> {
  let p = wppByDir.get(dir);
  if (!p) {
    p = readWpp(dir);
    p.catch(() => wppByDir.delete(dir));
    wppByDir.set(dir, p);
  }
  return p;
}

export function policyLookup(policyDir: string): PolicyLookup {
  return {
    rules: (id) => loadRetirementRules(policyDir, { id }),
    pensionParameters: (id) => loadPensionParameters(policyDir, { id }),
  };
}

export function resolveRequestedScenarios(request: ProjectionRequest, policyDir: string): ResolvedScenario[] {
  if (request.scenarios.length === 0) {
    throw new AppError('INPUT_INVALID', { zh: '请至少指定一个情景。', en: 'Name at least one scenario.' });
  }
  const lookup = policyLookup(policyDir);
  return request.scenarios.map((ref, i) => {
    if (typeof ref === 'string') {
      const file = readScenarioFile(policyDir, ref);
      return resolveScenario(file.raw, lookup, file.path, request.years);
    }
    return resolveScenario(ref, lookup, `#${i + 1}`, request.years);
  });
}

/** Resolves, optionally calibrates on the store, and projects the requested scenarios side by side. */
export async function runProjection(request: ProjectionRequest, ctx: ProjectionContext): Promise<ProjectionReport> {
  let scenarios = resolveRequestedScenarios(request, ctx.policyDir);
  const wpp = await wppFor(ctx.sharedDataDir);
  const demos = new Map<string, DemographicInputs>();
  const demographyFor = (baseYear: number, years: number, variant: 'low' | 'medium' | 'high') => {
    const key = `${baseYear}|${years}|${variant}`;
    let d = demos.get(key);
    if (!d) {
      d = buildDemographicInputs(wpp, baseYear, baseYear + years - 1, variant);
      demos.set(key, d);
    }
    return d;
  };
  const options = { generatedAt: ctx.now.toISOString(), sensitivity: request.sensitivity ?? true };
  if (!request.calibrate) return buildProjectionReport(scenarios, demographyFor, options);
  const calibrated = await calibrate(scenarios, request, ctx, demographyFor);
  const medical = calibrated.medical ? (({ byAge: _byAge, ...rest }) => rest)(calibrated.medical) : null;
  return { ...buildProjectionReport(calibrated.scenarios, demographyFor, options), store: { pension: calibrated.pension, medical } };
}

async function calibrate(
  scenarios: ResolvedScenario[],
  request: ProjectionRequest,
  ctx: ProjectionContext,
  demographyFor: (b: number, y: number, v: 'low' | 'medium' | 'high') => DemographicInputs,
): Promise<{ scenarios: ResolvedScenario[]; pension: PensionCalibration | null; medical: MedicalCalibration | null }> {
  if (!ctx.db) throw new AppError('INPUT_INVALID', { zh: '校准需要数据库。', en: 'Calibration needs a database.' });
  const source = `store ${ctx.db.path}`;
  const pension = scenarios.some((s) => s.kind === 'pension') ? await readPensionCalibration(ctx.db, request.calibrationYear) : null;
  const medical = scenarios.some((s) => s.kind === 'medical') ? await readMedicalCalibration(ctx.db, request.calibrationYear) : null;
  const calibrated = scenarios.map((s) => {
    const demo = demographyFor(s.baseYear, s.years, s.population.variant);
    if (s.kind === 'pension') {
      if (!pension) throw noData('职工养老保险缴费（险种110）', 'employee pension contributions (scheme 110)');
      return calibratePensionScenario(s as ResolvedPensionScenario, pension, demo, source);
    }
    if (!medical) throw noData('职工医保结算（险种310）', 'employee medical settlements (scheme 310)');
    return calibrateMedicalScenario(s as ResolvedMedicalScenario, medical, demo, source);
  });
  return { scenarios: calibrated, pension, medical };
}

function noData(zh: string, en: string): AppError {
  return new AppError('NOT_FOUND', {
    zh: `库中没有${zh}，无法校准：请先导入数据，或去掉 --calibrate。`,
    en: `The store has no ${en} to calibrate on: load data first, or drop --calibrate.`,
  });
}

export interface ScenarioListing {
  name: string;
  kind: 'pension' | 'medical';
  id: string | null;
  titleZh: string | null;
  titleEn: string | null;
  descriptionZh: string | null;
  descriptionEn: string | null;
  valid: boolean;
  error: string | null;
  raw: unknown;
}

/** Every scenario file, checked: an invalid one is listed with its error instead of hiding the rest. */
export function listScenarios(policyDir: string): ScenarioListing[] {
  const lookup = policyLookup(policyDir);
  return (['pension', 'medical'] as const).flatMap((kind) =>
    listScenarioFiles(policyDir, kind).map((f) => {
      const raw = f.raw as Record<string, unknown>;
      const text = (k: string) => (typeof raw?.[k] === 'string' ? (raw[k] as string) : null);
      let error: string | null = null;
      try {
        resolveScenario(f.raw, lookup, f.path);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      return { name: f.name, kind, id: text('id'), titleZh: text('titleZh'), titleEn: text('titleEn'), descriptionZh: text('descriptionZh'), descriptionEn: text('descriptionEn'), valid: error === null, error, raw: f.raw };
    }),
  );
}
