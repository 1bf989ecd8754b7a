import { z } from 'zod';
import type { FactSubject } from '../facts/fact-catalogue.ts';
import type { Expr } from './rule-ast.ts';
import { analyseRule } from './rule-check.ts';
import type { RuleProblem } from './rule-problem.ts';

export const tagCategories = {
  social_insurance: { zh: '社会保险', en: 'social insurance' },
  coverage: { zh: '参保扩面', en: 'coverage' },
  employment: { zh: '就业创业', en: 'employment' },
  benefit: { zh: '待遇', en: 'benefits' },
  assistance: { zh: '困难帮扶', en: 'assistance' },
  labour_relations: { zh: '劳动关系', en: 'labour relations' },
  employer: { zh: '单位', en: 'employers' },
} as const;

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });

export const tagDefSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'lower-case letters, digits and _, starting with a letter'),
  zh: z.string().min(1),
  en: z.string().min(1),
  description: bilingual,
  category: z.enum(Object.keys(tagCategories) as [keyof typeof tagCategories, ...(keyof typeof tagCategories)[]]),
  subject: z.enum(['person', 'employer']),
  rule: z.string().min(1),
  use: bilingual.optional(),
});

export const tagFileSchema = z.strictObject({ tags: z.array(tagDefSchema) });

export type TagDef = z.infer<typeof tagDefSchema>;

/** A tag whose rule parsed and type-checked, with the file it came from and the tags it refers to. */
export interface CheckedTag extends TagDef {
  file: string;
  expr: Expr;
  facts: string[];
  refs: string[];
}

export interface TagCatalogue {
  tags: CheckedTag[];
  byCode: Map<string, CheckedTag>;
  /** Codes in an order where every tag comes after the tags it refers to. */
  order: string[];
}

export interface CatalogueProblem {
  file: string;
  tag?: string;
  problem: RuleProblem | { code: 'TAG_FILE_INVALID' | 'TAG_DUPLICATE' | 'RULE_TAG_CYCLE'; zh: string; en: string };
}

export type CatalogueResult = { ok: true; catalogue: TagCatalogue } | { ok: false; problems: CatalogueProblem[] };

/** Validates tag files (already parsed JSON) into a catalogue: schema, unique codes, rules, no cycles. */
export function checkCatalogue(files: { file: string; json: unknown }[]): CatalogueResult {
  const problems: CatalogueProblem[] = [];
  const defs: (TagDef & { file: string })[] = [];
  for (const { file, json } of files) {
    const parsed = tagFileSchema.safeParse(json);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      problems.push({ file, problem: { code: 'TAG_FILE_INVALID', zh: `标签文件格式错误：${detail}`, en: `invalid tag file: ${detail}` } });
      continue;
    }
    for (const t of parsed.data.tags) defs.push({ ...t, file });
  }
  const seen = new Map<string, string>();
  for (const d of defs) {
    const other = seen.get(d.code);
    if (other) problems.push({ file: d.file, tag: d.code, problem: { code: 'TAG_DUPLICATE', zh: `标签代码 ${d.code} 重复（也在 ${other} 中）`, en: `tag code ${d.code} is used twice (also in ${other})` } });
    seen.set(d.code, d.file);
  }
  const codesBySubject = (s: FactSubject) => new Set(defs.filter((d) => d.subject === s).map((d) => d.code));
  const known = { person: codesBySubject('person'), employer: codesBySubject('employer') };
  const tags: CheckedTag[] = [];
  for (const d of defs) {
    const r = analyseRule(d.rule, { subject: d.subject, tags: known[d.subject] });
    if (!r.ok) for (const p of r.problems) problems.push({ file: d.file, tag: d.code, problem: p });
    else tags.push({ ...d, expr: r.expr, facts: r.facts, refs: r.tags });
  }
  if (problems.length) return { ok: false, problems };

  const byCode = new Map(tags.map((t) => [t.code, t]));
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (code: string, path: string[]): void => {
    if (state.get(code) === 'done') return;
    if (state.get(code) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(code)), code].join(' → ');
      const t = byCode.get(code)!;
      problems.push({ file: t.file, tag: code, problem: { code: 'RULE_TAG_CYCLE', zh: `标签相互引用成环：${cycle}`, en: `tags refer to each other in a cycle: ${cycle}` } });
      return;
    }
    state.set(code, 'visiting');
    for (const ref of byCode.get(code)!.refs) visit(ref, [...path, code]);
    state.set(code, 'done');
    order.push(code);
  };
  for (const t of tags) visit(t.code, []);
  if (problems.length) return { ok: false, problems };
  return { ok: true, catalogue: { tags, byCode, order } };
}

export function describeCatalogueProblems(problems: CatalogueProblem[]): { zh: string; en: string } {
  const where = (p: CatalogueProblem) => `${p.file}${p.tag ? ` [${p.tag}]` : ''}`;
  return {
    zh: problems.map((p) => `${where(p)}：${p.problem.zh}`).join('\n'),
    en: problems.map((p) => `${where(p)}: ${p.problem.en}`).join('\n'),
  };
}
