import { z } from 'zod';

/**
 * Early-warning rules are data (data/policy/alerts/*.json), validated here. Four kinds:
 * - threshold: the latest value above/below per-level limits;
 * - yoy: the change against the same month a year earlier (relative % or absolute points);
 * - anomaly: a robust z-score, (x − median) / (1.4826 · MAD) over a trailing window;
 * - forecast: the indicator's forecast crossing a limit within a horizon, judged on the point forecast or on
 *   the near side of an interval ("possible" vs "expected").
 * Each rule maps evidence to levels 蓝 blue < 黄 yellow < 橙 orange < 红 red; the highest level met wins.
 */
export const alertLevels = ['blue', 'yellow', 'orange', 'red'] as const;
export type AlertLevel = (typeof alertLevels)[number];
export const levelNames: Record<AlertLevel, { zh: string; en: string }> = {
  blue: { zh: '蓝', en: 'blue' },
  yellow: { zh: '黄', en: 'yellow' },
  orange: { zh: '橙', en: 'orange' },
  red: { zh: '红', en: 'red' },
};

const levelMap = <T extends z.ZodType>(value: T) =>
  z
    .object({ blue: value.optional(), yellow: value.optional(), orange: value.optional(), red: value.optional() })
    .strict()
    .refine((l) => Object.values(l).some((v) => v !== undefined), { message: 'at least one level is required' });

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  zh: z.string().min(1),
  en: z.string().min(1),
  indicator: z.string().min(1),
  /** Which regions the rule watches: county-level districts, the city, or both. */
  scope: z.enum(['county', 'city', 'all']).default('all'),
  /** How many of the latest months are judged (each can raise its own alert). */
  lookback: z.number().int().min(1).max(24).default(1),
  enabled: z.boolean().default(true),
  /** Rules are versioned policy: a rule applies from this date (YYYY-MM-DD) on. */
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Why these limits: the source or reasoning, for whoever reviews the rule. */
  note: z.string().optional(),
};

const direction = z.enum(['above', 'below']);

export const alertRuleSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('threshold'), direction, levels: levelMap(z.number()) }).strict(),
  z
    .object({
      ...common,
      kind: z.literal('yoy'),
      direction,
      change: z.enum(['relative', 'absolute']).default('relative'),
      /** Ignore months whose year-earlier value is smaller than this (relative change of tiny bases is noise). */
      minBase: z.number().min(0).default(0),
      levels: levelMap(z.number().positive()),
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('anomaly'),
      direction: z.enum(['above', 'below', 'both']),
      window: z.number().int().min(6).max(120).default(24),
      minHistory: z.number().int().min(4).default(12),
      /** Smallest absolute departure from the median worth an alert (e.g. 5 persons), whatever the z. */
      minChange: z.number().min(0).default(0),
      levels: levelMap(z.number().positive()),
    })
    .strict(),
  z
    .object({
      ...common,
      kind: z.literal('forecast'),
      direction,
      horizon: z.number().int().min(1).max(36),
      model: z.string().default('auto'),
      minHistory: z.number().int().min(5).default(24),
      levels: levelMap(z.object({ limit: z.number(), on: z.enum(['mean', 'interval80', 'interval95']) }).strict()),
    })
    .strict(),
]);

export type AlertRule = z.infer<typeof alertRuleSchema>;
export type AlertRuleInput = z.input<typeof alertRuleSchema>;

export function levelRank(level: AlertLevel): number {
  return alertLevels.indexOf(level);
}
