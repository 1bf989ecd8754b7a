import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * Reads one JSON file of policy parameters (under data/policy/) and validates it with its schema. A file that
 * cannot be read or breaks the schema is a POLICY_INVALID naming the file: the numbers are data to fix, never
 * silently defaulted. `what` names the contents, English in lower case and plural ('macro signal parameters').
 */
export function readPolicyJson<S extends z.ZodType>(file: string, schema: S, what: { zh: string; en: string }): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError('POLICY_INVALID', { zh: `无法读取${what.zh} ${file}。`, en: `Cannot read the ${what.en} ${file}.` }, { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const subject = what.en.charAt(0).toUpperCase() + what.en.slice(1);
    throw new AppError('POLICY_INVALID', { zh: `${what.zh} ${file} 有误：${parsed.error.message}`, en: `${subject} ${file} are invalid: ${parsed.error.message}` });
  }
  return parsed.data;
}
