import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../platform/errors.ts';

/** A dated, per-region policy parameter file, as every file under data/policy/ is. */
export interface Versioned {
  id: string;
  region: string;
  effectiveFrom: string;
}

/** Reads and validates every JSON file of one policy folder (e.g. data/policy/retirement). */
export function readPolicyVersions<T extends Versioned>(policyDir: string, folder: string, parse: (raw: unknown, origin: string) => T): T[] {
  const dir = join(policyDir, folder);
  if (!existsSync(dir)) {
    throw new AppError('POLICY_INVALID', {
      zh: `找不到政策参数目录 ${dir}：请检查 RENSHE_POLICY_DIR。`,
      en: `Policy folder ${dir} not found: check RENSHE_POLICY_DIR.`,
    });
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.map((file) => {
    const origin = join(dir, file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(origin, 'utf8'));
    } catch (cause) {
      throw new AppError('POLICY_INVALID', { zh: `政策参数文件 ${origin} 不是有效的 JSON。`, en: `Policy file ${origin} is not valid JSON.` }, { cause });
    }
    return parse(raw, origin);
  });
}

/**
 * The version in force for a region on a date: the latest `effectiveFrom` not after the date. A region without
 * its own file falls back to the national one (`CN`), since national rules apply unless a region sets its own.
 */
export function pickInForce<T extends Versioned>(versions: T[], region: string, date: string, what: string): T {
  for (const r of region === 'CN' ? ['CN'] : [region, 'CN']) {
    const candidates = versions.filter((v) => v.region === r && v.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
    if (candidates.length > 0) return candidates[0];
  }
  throw new AppError('NOT_FOUND', {
    zh: `没有 ${region} 地区在 ${date} 生效的${what}参数：请在 data/policy 中添加。`,
    en: `No ${what} parameters in force for region ${region} on ${date}: add a file under data/policy.`,
  });
}

export function pickById<T extends Versioned>(versions: T[], id: string, what: string): T {
  const found = versions.find((v) => v.id === id);
  if (!found) {
    throw new AppError('NOT_FOUND', {
      zh: `找不到编号为 ${id} 的${what}参数（可选：${versions.map((v) => v.id).join('、')}）。`,
      en: `No ${what} parameters with id ${id} (available: ${versions.map((v) => v.id).join(', ')}).`,
    });
  }
  return found;
}
