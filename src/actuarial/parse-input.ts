import type { z } from 'zod';
import { AppError } from '../platform/errors.ts';

/** Validates CLI or file input with zod, turning failures into a bilingual INPUT_INVALID the CLI can print. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: { zh: string; en: string }): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ');
  throw new AppError('INPUT_INVALID', { zh: `${what.zh}无效：${detail}`, en: `Invalid ${what.en}: ${detail}` }, { details: parsed.error.issues });
}
