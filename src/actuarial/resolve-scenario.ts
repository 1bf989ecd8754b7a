import { AppError } from '../platform/errors.ts';
import type { ResolvedMedicalScenario } from './medical-projection.ts';
import { medicalScenarioSchema } from './medical-scenario.ts';
import type { PensionParameters } from './pension-parameters.ts';
import type { ResolvedPensionScenario } from './pension-projection.ts';
import { pensionScenarioSchema } from './pension-scenario.ts';
import { parseInput } from './parse-input.ts';
import type { RetirementRules } from './retirement-rules.ts';
import { assumptionAt } from './sensitivity.ts';

export type ResolvedScenario = ResolvedPensionScenario | ResolvedMedicalScenario;

export interface PolicyLookup {
  rules(id: string): RetirementRules;
  pensionParameters(id: string): PensionParameters;
}

/**
 * Validates a scenario of either kind and inlines the rules and parameters it names, so the result stands alone
 * and reproduces the projection without the policy folder. `years` (e.g. --years) replaces the file's horizon.
 */
export function resolveScenario(raw: unknown, lookup: PolicyLookup, origin: string, years?: number): ResolvedScenario {
  const kind = (raw as { kind?: unknown } | null)?.kind;
  let resolved: ResolvedScenario;
  if (kind === 'pension') {
    const s = parseInput(pensionScenarioSchema, raw, { zh: `养老金情景 ${origin} `, en: `pension scenario ${origin}` });
    resolved = {
      ...s,
      retirement: { rules: typeof s.retirement.rules === 'string' ? lookup.rules(s.retirement.rules) : s.retirement.rules },
      pensionParameters: typeof s.pensionParameters === 'string' ? lookup.pensionParameters(s.pensionParameters) : s.pensionParameters,
    };
  } else if (kind === 'medical') {
    const s = parseInput(medicalScenarioSchema, raw, { zh: `医保情景 ${origin} `, en: `medical scenario ${origin}` });
    resolved = { ...s, retirement: { rules: typeof s.retirement.rules === 'string' ? lookup.rules(s.retirement.rules) : s.retirement.rules } };
  } else {
    throw new AppError('INPUT_INVALID', {
      zh: `情景 ${origin} 的 kind 应为 pension 或 medical。`,
      en: `Scenario ${origin} must have kind "pension" or "medical".`,
    });
  }
  if (years !== undefined) resolved = { ...resolved, years };
  for (const step of resolved.sensitivity) assumptionAt(resolved, step.path);
  return resolved;
}
