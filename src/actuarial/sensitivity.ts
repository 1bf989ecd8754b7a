import { AppError } from '../platform/errors.ts';
import { scheduleSchema, shiftSchedule, type Schedule } from './schedule.ts';

export interface SensitivityDefinition {
  path: string;
  step: number;
  zh: string;
  en: string;
}

/** The outcome measures compared across ± steps. */
export interface Outcome {
  depletionYear: number | null;
  balanceInReportYear: number | null;
}

export interface SensitivityRow extends SensitivityDefinition {
  baseValue: Schedule;
  minus: Outcome;
  plus: Outcome;
}

function walk(root: unknown, path: string): { parent: Record<string, unknown>; key: string } {
  const keys = path.split('.');
  let node = root as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    const next = node?.[k];
    if (typeof next !== 'object' || next === null) throw badPath(path);
    node = next as Record<string, unknown>;
  }
  const key = keys[keys.length - 1];
  if (!scheduleSchema.safeParse(node?.[key]).success) throw badPath(path);
  return { parent: node, key };
}

function badPath(path: string): AppError {
  return new AppError('INPUT_INVALID', {
    zh: `敏感性分析路径 ${path} 不是情景中的数值或时间表假设。`,
    en: `Sensitivity path ${path} is not a numeric or schedule assumption of the scenario.`,
  });
}

export function assumptionAt(scenario: unknown, path: string): Schedule {
  const { parent, key } = walk(scenario, path);
  return parent[key] as Schedule;
}

/** A copy of the scenario with one assumption (number or every step of a schedule) moved by `delta`. */
export function shiftAssumption<T>(scenario: T, path: string, delta: number): T {
  const copy = structuredClone(scenario);
  const { parent, key } = walk(copy, path);
  parent[key] = shiftSchedule(parent[key] as Schedule, delta);
  return copy;
}

/** Runs the projection once per assumption and direction (± one step), everything else held at the scenario. */
export function sensitivityTable<T>(scenario: T, steps: SensitivityDefinition[], run: (s: T) => Outcome): SensitivityRow[] {
  return steps.map((d) => ({
    ...d,
    baseValue: assumptionAt(scenario, d.path),
    minus: run(shiftAssumption(scenario, d.path, -d.step)),
    plus: run(shiftAssumption(scenario, d.path, d.step)),
  }));
}
