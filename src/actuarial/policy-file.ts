import { z } from 'zod';
import { AppError } from '../platform/errors.ts';

/**
 * The head every versioned policy file under data/policy/ carries: which version it is, for which region, from
 * when, and where its numbers come from. Spread it into a file's schema.
 */
export const policyFileHeader = {
  id: z.string().min(1),
  region: z.string().min(2),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  titleZh: z.string(),
  titleEn: z.string(),
  source: z.string(),
};

/** Validates one policy file; a bad file is a real failure to fix, named by what kind of file it is. */
export function parsePolicyFile<S extends z.ZodType>(schema: S, raw: unknown, origin: string, kind: { zh: string; en: string }): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('POLICY_INVALID', {
      zh: `${kind.zh} ${origin} 无效：${parsed.error.message}。请修正该文件。`,
      en: `${kind.en} ${origin} is invalid: ${parsed.error.message}. Fix the file.`,
    });
  }
  return parsed.data;
}
