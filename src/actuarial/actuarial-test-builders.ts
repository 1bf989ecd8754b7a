import { resolve } from 'node:path';
import type { DemographicInputs } from './demographic-inputs.ts';
import type { ResolvedMedicalScenario } from './medical-projection.ts';
import type { ResolvedPensionScenario } from './pension-projection.ts';
import { policyLookup } from './projection-store.ts';
import { resolveScenario } from './resolve-scenario.ts';
import { readScenarioFile } from './scenario-store.ts';

/** Builders for tests: a synthetic demography and the shipped scenarios, resolved. */
export const testPolicyDir = resolve(import.meta.dirname, '../../data/policy');

export function aDemography(o: { firstYear?: number; years?: number; perAge?: number; mx?: number; fertility?: number; migration?: number } = {}): DemographicInputs {
  const firstYear = o.firstYear ?? 2025;
  const years = o.years ?? 30;
  const flat = (v: number, n: number) => Array.from({ length: n }, () => v);
  const perYear = <T>(f: () => T) => Array.from({ length: years }, f);
  const ages = flat(o.perAge ?? 1000, 101);
  return {
    firstYear,
    lastYear: firstYear + years - 1,
    variant: 'medium',
    basePopulation: { male: [...ages], female: [...ages] },
    mx: { male: perYear(() => flat(o.mx ?? 0, 101)), female: perYear(() => flat(o.mx ?? 0, 101)) },
    fertility: perYear(() => [...flat(0, 15), ...flat(o.fertility ?? 0, 35)]),
    srb: perYear(() => 1.05),
    migration: perYear(() => o.migration ?? 0),
  };
}

export function aShippedScenario(name: string, years?: number) {
  const file = readScenarioFile(testPolicyDir, name);
  return resolveScenario(file.raw, policyLookup(testPolicyDir), file.path, years);
}

export function aPensionScenario(name = 'reform-2025', overrides: Partial<ResolvedPensionScenario> = {}): ResolvedPensionScenario {
  return { ...(aShippedScenario(name) as ResolvedPensionScenario), ...overrides };
}

export function aMedicalScenario(name = 'fee-for-service', overrides: Partial<ResolvedMedicalScenario> = {}): ResolvedMedicalScenario {
  return { ...(aShippedScenario(name) as ResolvedMedicalScenario), ...overrides };
}
