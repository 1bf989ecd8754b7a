import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../platform/errors.ts';
import { alertRuleSchema, type AlertRule } from './alert-rules.ts';

/** Reads and validates every rule file in <policyDir>/alerts; a bad file is an error naming it, not a skip. */
export function loadAlertRules(policyDir: string): AlertRule[] {
  const dir = join(policyDir, 'alerts');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (cause) {
    throw new AppError('FILE_UNREADABLE', { zh: `无法读取预警规则目录 ${dir}。`, en: `Cannot read the alert rule folder ${dir}.` }, { cause });
  }
  const rules: AlertRule[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (cause) {
      throw new AppError('RULE_INVALID', { zh: `预警规则文件 ${file} 不是有效的 JSON。`, en: `Alert rule file ${file} is not valid JSON.` }, { cause });
    }
    for (const item of Array.isArray(raw) ? raw : [raw]) {
      const parsed = alertRuleSchema.safeParse(item);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(rule)'}: ${i.message}`).join('; ');
        throw new AppError('RULE_INVALID', { zh: `预警规则文件 ${file} 有误：${issues}`, en: `Alert rule file ${file} is invalid: ${issues}` }, { details: parsed.error.issues });
      }
      if (ids.has(parsed.data.id)) {
        throw new AppError('RULE_INVALID', { zh: `预警规则编号 ${parsed.data.id} 重复（${file}）。`, en: `Alert rule id ${parsed.data.id} is used twice (${file}).` });
      }
      ids.add(parsed.data.id);
      rules.push(parsed.data);
    }
  }
  return rules;
}
