import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../platform/errors.ts';

export type ScenarioKind = 'pension' | 'medical';

/** Scenario files live beside the policy folder: data/scenarios/<kind>/*.json. */
export function scenariosDir(policyDir: string): string {
  return join(dirname(policyDir), 'scenarios');
}

export interface ScenarioFile {
  name: string;
  path: string;
  raw: unknown;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AppError('FILE_UNREADABLE', { zh: `无法读取情景文件 ${path}（须为 JSON）。`, en: `Cannot read scenario file ${path} (must be JSON).` }, { cause });
  }
}

export function listScenarioFiles(policyDir: string, kind: ScenarioKind): ScenarioFile[] {
  const dir = join(scenariosDir(policyDir), kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: basename(f, '.json'), path: join(dir, f), raw: readJson(join(dir, f)) }));
}

/** A scenario by name (`reform-2025`, `medical/drg-2025`) or by a path to a JSON file. */
export function readScenarioFile(policyDir: string, ref: string): ScenarioFile {
  if (ref.endsWith('.json') || ref.includes('/') && existsSync(ref)) {
    if (!existsSync(ref)) throw new AppError('NOT_FOUND', { zh: `找不到情景文件 ${ref}。`, en: `Scenario file ${ref} not found.` });
    return { name: basename(ref, '.json'), path: ref, raw: readJson(ref) };
  }
  const [kind, name] = ref.includes('/') ? (ref.split('/', 2) as [ScenarioKind, string]) : (['pension', ref] as const);
  for (const k of kind === 'pension' && !ref.includes('/') ? (['pension', 'medical'] as const) : [kind]) {
    const path = join(scenariosDir(policyDir), k, `${name}.json`);
    if (existsSync(path)) return { name, path, raw: readJson(path) };
  }
  const known = [...listScenarioFiles(policyDir, 'pension'), ...listScenarioFiles(policyDir, 'medical')].map((f) => f.name);
  throw new AppError('NOT_FOUND', {
    zh: `找不到情景「${ref}」（可用：${known.join('、')}）。`,
    en: `No scenario "${ref}" (available: ${known.join(', ')}).`,
  });
}
