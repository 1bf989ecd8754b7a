import type { Code } from '../model/code-lists.ts';
import { factCatalogue, findFact, type FactDef, type FactSubject } from '../facts/fact-catalogue.ts';
import type { Expr, Operand } from './rule-ast.ts';
import { factsOf, tagsOf } from './rule-ast.ts';
import { parseRule } from './rule-parser.ts';
import { problemAt, type RuleProblem } from './rule-problem.ts';

export interface CheckContext {
  subject: FactSubject;
  /** Tag codes the rule may refer to with `tag:code`; null when tag references are not allowed at all. */
  tags: ReadonlySet<string> | null;
}

type Base = 'number' | 'boolean' | 'date' | 'text' | 'code';
interface ValueType {
  base: Base;
  codes?: readonly Code[];
  fact?: FactDef;
  literal: boolean;
}

const typeNames: Record<Base, { zh: string; en: string }> = {
  number: { zh: '数值', en: 'number' },
  boolean: { zh: '是/否', en: 'boolean' },
  date: { zh: '日期', en: 'date' },
  text: { zh: '文本', en: 'text' },
  code: { zh: '代码', en: 'code' },
};
const MAX_SHIFT = 1200;

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** Type-checks a parsed rule against the fact catalogue of its subject; returns every problem found. */
export function checkRule(expr: Expr, ctx: CheckContext): RuleProblem[] {
  const problems: RuleProblem[] = [];

  const typeOf = (o: Operand): ValueType | null => {
    switch (o.kind) {
      case 'fact': {
        const def = findFact(ctx.subject, o.name);
        if (!def) {
          const near = factCatalogue[ctx.subject].map((f) => f.code).filter((c) => distance(c, o.name) <= 3).slice(0, 3);
          const tagHint = ctx.tags?.has(o.name) ? { zh: `；引用标签请写 tag:${o.name}`, en: `; to use the tag write tag:${o.name}` } : { zh: '', en: '' };
          const nearHint = near.length ? { zh: `；是否指 ${near.join('、')}？`, en: `; did you mean ${near.join(', ')}?` } : { zh: '', en: '' };
          problems.push(problemAt('RULE_UNKNOWN_FACT', o.span, `未知的事实“${o.name}”${nearHint.zh}${tagHint.zh}`, `unknown fact "${o.name}"${nearHint.en}${tagHint.en}`));
          return null;
        }
        return { base: def.type, codes: def.codes, fact: def, literal: false };
      }
      case 'number':
        if (!Number.isFinite(o.value) || Math.abs(o.value) > 1e15) {
          problems.push(problemAt('RULE_BAD_NUMBER', o.span, '数值超出范围', 'number out of range'));
          return null;
        }
        return { base: 'number', literal: true };
      case 'string':
        return { base: 'text', literal: true };
      case 'boolean':
        return { base: 'boolean', literal: true };
      case 'date':
        if (!isRealDate(o.value)) {
          problems.push(problemAt('RULE_BAD_DATE', o.span, `“${o.value}”不是有效日期，应为 YYYY-MM-DD`, `"${o.value}" is not a valid date; use YYYY-MM-DD`));
          return null;
        }
        return { base: 'date', literal: true };
      case 'asOf':
        return { base: 'date', literal: true };
      case 'shift': {
        const base = typeOf(o.base);
        if (!Number.isInteger(o.amount) || o.amount > MAX_SHIFT) {
          problems.push(problemAt('RULE_BAD_NUMBER', o.span, `日期加减量应为 0–${MAX_SHIFT} 的整数`, `a date shift must be a whole number from 0 to ${MAX_SHIFT}`));
          return null;
        }
        if (base && base.base !== 'date') {
          problems.push(problemAt('RULE_TYPE_MISMATCH', o.span, `只能对日期加减时间，此处为${typeNames[base.base].zh}`, `only dates can be shifted by days/months/years, this is a ${typeNames[base.base].en}`));
          return null;
        }
        return base && { base: 'date', literal: base.literal, fact: base.fact };
      }
    }
  };

  const describe = (o: Operand, t: ValueType): { zh: string; en: string } =>
    t.fact ? { zh: `${t.fact.code}（${typeNames[t.base].zh}）`, en: `${t.fact.code} (${typeNames[t.base].en})` } : { zh: typeNames[t.base].zh, en: typeNames[t.base].en };

  /** 'reported' when a more precise problem (an unknown code) has already been recorded. */
  const compare = (a: ValueType, b: ValueType, literal: Operand): 'ok' | 'mismatch' | 'reported' => {
    const textual = (t: ValueType) => t.base === 'text' || t.base === 'code';
    if (a.base !== b.base && !(textual(a) && textual(b))) return 'mismatch';
    for (const coded of [a, b]) {
      if (coded.base === 'code' && coded.codes && literal.kind === 'string' && !coded.codes.some((c) => c.code === literal.value)) {
        const zhList = coded.codes.map((c) => `'${c.code}' ${c.zh}`).join('，');
        const enList = coded.codes.map((c) => `'${c.code}' (${c.en})`).join(', ');
        problems.push(problemAt('RULE_UNKNOWN_CODE', literal.span, `“${literal.value}”不是 ${coded.fact?.code} 的有效代码，可选：${zhList}`, `'${literal.value}' is not a valid code of ${coded.fact?.code}; allowed: ${enList}`));
        return 'reported';
      }
    }
    return 'ok';
  };

  const mismatch = (left: Operand, lt: ValueType, right: Operand, rt: ValueType): void => {
    const l = describe(left, lt);
    const r = describe(right, rt);
    problems.push(problemAt('RULE_TYPE_MISMATCH', right.span, `类型不匹配：${l.zh} 不能与${r.zh}比较`, `type mismatch: ${l.en} cannot be compared with a ${r.en}`));
  };

  const needsFact = (operands: Operand[], at: Expr): void => {
    const hasFact = (o: Operand): boolean => o.kind === 'fact' || (o.kind === 'shift' && hasFact(o.base));
    if (!operands.some(hasFact)) problems.push(problemAt('RULE_NO_FACT', at.span, '每个比较至少要引用一个事实', 'each comparison must involve at least one fact'));
  };

  const visit = (e: Expr): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        visit(e.left);
        visit(e.right);
        return;
      case 'not':
        visit(e.operand);
        return;
      case 'tag':
        if (ctx.tags === null) problems.push(problemAt('RULE_UNKNOWN_TAG', e.span, '此处不能引用标签', 'tags cannot be referred to here'));
        else if (!ctx.tags.has(e.code)) problems.push(problemAt('RULE_UNKNOWN_TAG', e.span, `未知的标签“${e.code}”`, `unknown tag "${e.code}"`));
        return;
      case 'truth': {
        const t = typeOf(e.operand);
        if (t && t.base !== 'boolean') {
          problems.push(problemAt('RULE_TYPE_MISMATCH', e.span, `${describe(e.operand, t).zh}不是是/否型，需要写出比较，如 ${e.operand.kind === 'fact' ? e.operand.name : 'x'} > 0`, `${describe(e.operand, t).en} is not a boolean; write a comparison such as ${e.operand.kind === 'fact' ? e.operand.name : 'x'} > 0`));
        }
        needsFact([e.operand], e);
        return;
      }
      case 'isNull':
        typeOf(e.operand);
        if (e.operand.kind !== 'fact') problems.push(problemAt('RULE_BAD_OPERATOR', e.span, 'is null 只能用于事实', '"is null" applies to facts only'));
        return;
      case 'compare': {
        const lt = typeOf(e.left);
        const rt = typeOf(e.right);
        needsFact([e.left, e.right], e);
        if (!lt || !rt) return;
        const verdict = compare(lt, rt, e.right.kind === 'string' ? e.right : e.left);
        if (verdict === 'mismatch') mismatch(e.left, lt, e.right, rt);
        if (verdict !== 'ok') return;
        if (!['=', '!='].includes(e.op) && !['number', 'date'].includes(lt.base)) {
          problems.push(problemAt('RULE_BAD_OPERATOR', e.span, `运算符 ${e.op} 不能用于${typeNames[lt.base].zh}，只能用 = 或 !=${lt.base === 'code' ? '（或 in (…)）' : ''}`, `operator ${e.op} cannot be used with a ${typeNames[lt.base].en}; use = or !=${lt.base === 'code' ? ' (or in (…))' : ''}`));
        }
        return;
      }
      case 'in': {
        const t = typeOf(e.operand);
        needsFact([e.operand], e);
        for (const v of e.values) {
          if (v.kind === 'fact' || v.kind === 'shift' && v.base.kind === 'fact') {
            problems.push(problemAt('RULE_BAD_OPERATOR', v.span, 'in 列表中只能是常量', 'an in-list may hold constants only'));
            continue;
          }
          const vt = typeOf(v);
          if (t && vt && compare(t, vt, v) === 'mismatch') mismatch(e.operand, t, v, vt);
        }
        if (t && t.base === 'boolean') problems.push(problemAt('RULE_BAD_OPERATOR', e.span, 'in 不能用于是/否型事实', '"in" cannot be used with a boolean fact'));
        return;
      }
      case 'between': {
        const t = typeOf(e.operand);
        const lo = typeOf(e.low);
        const hi = typeOf(e.high);
        needsFact([e.operand, e.low, e.high], e);
        if (t && !['number', 'date'].includes(t.base)) {
          problems.push(problemAt('RULE_BAD_OPERATOR', e.span, `between 只能用于数值或日期，${describe(e.operand, t).zh}不是`, `"between" needs a number or a date; ${describe(e.operand, t).en} is neither`));
          return;
        }
        for (const [o, ot] of [[e.low, lo], [e.high, hi]] as const) if (t && ot && ot.base !== t.base) mismatch(e.operand, t, o, ot);
        return;
      }
    }
  };
  visit(expr);
  return problems;
}

export type AnalysedRule = { ok: true; expr: Expr; facts: string[]; tags: string[] } | { ok: false; problems: RuleProblem[] };

/** Parse and type-check in one step. */
export function analyseRule(text: string, ctx: CheckContext): AnalysedRule {
  const parsed = parseRule(text);
  if (!parsed.ok) return parsed;
  const problems = checkRule(parsed.expr, ctx);
  if (problems.length) return { ok: false, problems };
  return { ok: true, expr: parsed.expr, facts: factsOf(parsed.expr), tags: tagsOf(parsed.expr) };
}
