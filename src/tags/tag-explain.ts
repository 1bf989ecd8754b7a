import { findFact, type FactSubject } from '../facts/fact-catalogue.ts';
import type { Bilingual } from '../facts/fact-types.ts';
import type { CompiledLeaf } from './rule-compile.ts';
import type { CheckedTag } from './tag-catalogue.ts';

export interface ExplainedFact {
  code: string;
  zh: string;
  en: string;
  unit: Bilingual | null;
  value: unknown;
}

export interface ExplainedCondition {
  /** The comparison as written in the rule. */
  text: string;
  held: boolean;
  /** For `tag:code` conditions: the referenced tag (explain it in turn to see why). */
  tag?: string;
}

export interface Explanation {
  tag: string;
  zh: string;
  en: string;
  subject: FactSubject;
  key: string;
  asOf: string | null;
  rule: string;
  /** The rule evaluated now on the stored facts. */
  result: boolean;
  /** What the last build stored (differs from `result` only if the rule was edited since). */
  stored: boolean | null;
  conditions: ExplainedCondition[];
  facts: ExplainedFact[];
}

/** Assembles an explanation from the evaluated row: `l<i>` per condition, `result`, `stored`, and each fact. */
export function explanationFrom(tag: CheckedTag, leaves: CompiledLeaf[], row: Record<string, unknown>, key: string, asOf: string | null): Explanation {
  return {
    tag: tag.code,
    zh: tag.zh,
    en: tag.en,
    subject: tag.subject,
    key,
    asOf,
    rule: tag.rule,
    result: row.result === true,
    stored: row.stored === null || row.stored === undefined ? null : row.stored === true,
    conditions: leaves.map((l, i) => ({
      text: tag.rule.slice(l.leaf.span.start, l.leaf.span.end),
      held: row[`l${i}`] === true,
      ...(l.leaf.kind === 'tag' ? { tag: l.leaf.code } : {}),
    })),
    facts: tag.facts.map((code) => {
      const def = findFact(tag.subject, code)!;
      return { code, zh: def.zh, en: def.en, unit: def.unit, value: row[code] ?? null };
    }),
  };
}
