import { describe, expect, it } from 'vitest';
import { parseRule } from './rule-parser.ts';
import { tokenize } from './rule-tokens.ts';
import { leavesOf, factsOf } from './rule-ast.ts';

const parsed = (text: string) => {
  const r = parseRule(text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.en).join('; '));
  return r.expr;
};
const problem = (text: string) => {
  const r = parseRule(text);
  if (r.ok) throw new Error(`expected a problem for ${text}`);
  return r.problems[0];
};

describe('rule tokenizer', () => {
  it('reads identifiers, tag references, numbers, strings with doubled quotes, and two-character operators', () => {
    const r = tokenize("Age >= 16 and tag:Mobile_Worker or name = 'O''Brien' and x <> 1.5");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tokens.map((t) => `${t.kind}:${t.value}`)).toEqual([
      'ident:age', 'op:>=', 'number:16', 'ident:and', 'tag:mobile_worker', 'ident:or', 'ident:name', 'op:=', "string:O'Brien",
      'ident:and', 'ident:x', 'op:!=', 'number:1.5', 'eof:',
    ]);
  });

  it('refuses comments, semicolons, double quotes, backslashes and full-width look-alikes, naming the position', () => {
    const cases: [string, RegExp, number, number][] = [
      ['age > 1 -- drop', /comments/, 1, 9],
      ['age > 1; drop table person', /";"/, 1, 8],
      ['sex = "1"', /single quotes/, 1, 7],
      ['age > 1 /* x */', /comments/, 1, 9],
      ['age \\ 1', /"\\"/, 1, 5],
      ['age >\n  （60）', /ASCII "\("/, 2, 3],
      ['age\u3000> 60', /U\+3000/, 1, 4],
      ['age > 6０', /U\+FF10/, 1, 8],
    ];
    for (const [text, message, line, column] of cases) {
      const r = tokenize(text);
      expect(r.ok, text).toBe(false);
      if (r.ok) continue;
      expect(r.problems[0].en, text).toMatch(message);
      expect([r.problems[0].line, r.problems[0].column], text).toEqual([line, column]);
      expect(r.problems[0].zh).toMatch(new RegExp(`第 ${line} 行第 ${column} 列`));
    }
  });

  it('refuses unterminated strings and overlong rules', () => {
    expect(tokenize("sex = '1").ok).toBe(false);
    const long = tokenize('age > 1 and '.repeat(500) + 'age > 1');
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.problems[0].code).toBe('RULE_TOO_LONG');
  });
});

describe('rule parser', () => {
  it('gives and precedence over or, and not over and', () => {
    const e = parsed('a or b and not c');
    expect(e.kind).toBe('or');
    if (e.kind !== 'or') return;
    expect(e.right.kind).toBe('and');
    if (e.right.kind !== 'and') return;
    expect(e.right.right.kind).toBe('not');
  });

  it('parses in-lists, between, is null, dates and date arithmetic', () => {
    const e = parsed("sex in ('1','2') and age not between 16 and 59 and death_date is not null and first_employment_date >= as_of - 6 months and birth_date < date '2000-01-01' + 10 days");
    const leaves = leavesOf(e);
    expect(leaves.map((l) => l.kind)).toEqual(['in', 'between', 'isNull', 'compare', 'compare']);
    expect(leaves[1]).toMatchObject({ negated: true });
    expect(leaves[3]).toMatchObject({ right: { kind: 'shift', sign: -1, amount: 6, unit: 'month', base: { kind: 'asOf' } } });
    expect(leaves[4]).toMatchObject({ right: { kind: 'shift', sign: 1, amount: 10, unit: 'day', base: { kind: 'date', value: '2000-01-01' } } });
    expect(factsOf(e)).toEqual(['sex', 'age', 'death_date', 'first_employment_date', 'birth_date']);
  });

  it('parses tag references, negative numbers and parentheses', () => {
    const e = parsed('(tag:in_arrears or arrears_amount > -1) and not (tag:mobile_worker)');
    expect(leavesOf(e).map((l) => l.kind)).toEqual(['tag', 'compare', 'tag']);
  });

  it('reports syntax errors with line, column and what was expected', () => {
    expect(problem('age >')).toMatchObject({ code: 'RULE_SYNTAX', line: 1, column: 6 });
    expect(problem('age > 60 and')).toMatchObject({ line: 1, column: 13 });
    expect(problem('(age > 60').en).toMatch(/expected "\)"/);
    expect(problem('age > 60 60').en).toMatch(/expected "and", "or" or the end/);
    expect(problem('age = null').en).toMatch(/is null/);
    expect(problem('age between 1 or 2').en).toMatch(/expected "and"/);
    expect(problem('first_employment_date > as_of - 6 weeks').en).toMatch(/days, months or years/);
    expect(problem('1) or (1=1')).toMatchObject({ line: 1, column: 2 });
    expect(problem('').en).toMatch(/empty/);
    const multi = problem('age > 60\nand and');
    expect([multi.line, multi.column]).toEqual([2, 5]);
  });

  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    expect(problem('('.repeat(200) + 'a' + ')'.repeat(200)).code).toBe('RULE_TOO_DEEP');
    expect(problem('not '.repeat(100) + 'a').code).toBe('RULE_TOO_DEEP');
  });
});
