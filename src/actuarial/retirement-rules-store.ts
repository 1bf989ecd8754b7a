import { parseRetirementRules, type RetirementRules } from './retirement-rules.ts';
import { pickById, pickInForce, readPolicyVersions } from './policy-file-store.ts';

export function readRetirementRuleVersions(policyDir: string): RetirementRules[] {
  return readPolicyVersions(policyDir, 'retirement', parseRetirementRules);
}

/** Rules by id (`CN-2025`) or the version in force for a region on a date (YYYY-MM-DD). */
export function loadRetirementRules(policyDir: string, select: { id: string } | { region: string; date: string }): RetirementRules {
  const versions = readRetirementRuleVersions(policyDir);
  return 'id' in select ? pickById(versions, select.id, '退休年龄 / retirement') : pickInForce(versions, select.region, select.date, '退休年龄 / retirement');
}
