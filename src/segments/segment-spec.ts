import { z } from 'zod';
import type { SqlValue } from '../platform/database.ts';
import { analyseRule } from '../tags/rule-check.ts';
import type { RuleProblem } from '../tags/rule-problem.ts';
import { problemAt } from '../tags/rule-problem.ts';
import type { TagCatalogue } from '../tags/tag-catalogue.ts';
import { compileWithTags } from '../tags/tag-compile.ts';

/** A segment: a rule over person facts and tags, optionally restricted to regions (GB/T 2260 codes). */
export interface SegmentSpec {
  expr: string;
  regions: string[];
}

export const MAX_REGIONS = 200;

export const segmentSpecSchema = z.object({
  expr: z.string().min(1).max(4000),
  regions: z.array(z.string().regex(/^\d{6}$/, 'a six-digit region code')).max(MAX_REGIONS).default([]),
});

/** 510104 → '510104' (district), 510100 → '5101' (city), 510000 → '51' (province). */
export function regionPrefix(code: string): string {
  if (!/^\d{6}$/.test(code)) throw new Error(`regionPrefix: ${code} is not a region code`);
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Facts the tag table carries too; a segment using no others reads the tag table alone. */
export const factsOnTagTable = new Set(['region', 'sex', 'age']);

export interface CompiledSegment {
  /** `person_tag f` when the tag table has every fact used, else `person_fact f POSITIONAL JOIN person_tag t`. */
  from: string;
  where: string;
  params: Record<string, SqlValue>;
  facts: string[];
  tags: string[];
}

export type SegmentResult = { ok: true; segment: CompiledSegment } | { ok: false; problems: RuleProblem[] };

/**
 * Compiles a segment to a FROM and WHERE clause: the rule (facts on `f`, tags read as materialised columns of
 * the tag table, which the fact table is paired with positionally when other facts are used) and a region
 * restriction. Region codes are validated and
 * bound as parameters like every literal.
 */
export function compileSegment(spec: SegmentSpec, catalogue: TagCatalogue, asOf: string): SegmentResult {
  const personTags = new Set(catalogue.tags.filter((t) => t.subject === 'person').map((t) => t.code));
  const analysed = analyseRule(spec.expr, { subject: 'person', tags: personTags });
  if (!analysed.ok) return analysed;
  const bad = spec.regions.find((r) => !/^\d{6}$/.test(r));
  if (bad !== undefined || spec.regions.length > MAX_REGIONS) {
    const shown = (bad ?? '').slice(0, 40);
    return { ok: false, problems: [problemAt('RULE_SYNTAX', { line: 1, column: 1 }, `地区代码“${shown}”无效，应为 6 位数字（最多 ${MAX_REGIONS} 个）`, `region code "${shown}" is invalid; give six digits (at most ${MAX_REGIONS} regions)`)] };
  }
  const narrow = analysed.facts.every((f) => factsOnTagTable.has(f));
  const compiled = compileWithTags(analysed.expr, 'person', catalogue, { alias: 'f', tagAlias: narrow ? 'f' : 't', asOf, paramPrefix: 's_', refs: 'column' });
  const params: Record<string, SqlValue> = { ...compiled.params };
  const regionTerms = [...new Set(spec.regions.map(regionPrefix))].map((prefix, i) => {
    params[`region${i}`] = prefix;
    return `starts_with(f.region, CAST($region${i} AS VARCHAR))`;
  });
  const where = regionTerms.length ? `${compiled.sql} AND (${regionTerms.join(' OR ')})` : compiled.sql;
  const from = narrow ? 'person_tag f' : 'person_fact f POSITIONAL JOIN person_tag t';
  return { ok: true, segment: { from, where, params, facts: analysed.facts, tags: analysed.tags } };
}

export const ageBands = [
  { code: '0-15', lo: 0, hi: 15 },
  { code: '16-24', lo: 16, hi: 24 },
  { code: '25-34', lo: 25, hi: 34 },
  { code: '35-44', lo: 35, hi: 44 },
  { code: '45-54', lo: 45, hi: 54 },
  { code: '55-59', lo: 55, hi: 59 },
  { code: '60+', lo: 60, hi: 200 },
] as const;
