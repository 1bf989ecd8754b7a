import { describe, expect, it } from 'vitest';
import { analyseRule } from './rule-check.ts';
import { compileRule, type CompileContext } from './rule-compile.ts';

const ctx: CompileContext = { subject: 'person', alias: 'f', paramPrefix: 'r1_', asOf: '2026-10-31', tagSql: (code) => `t."tag_${code}"` };
const compile = (text: string) => {
  const r = analyseRule(text, { subject: 'person', tags: new Set(['mobile_worker']) });
  if (!r.ok) throw new Error(r.problems[0].en);
  return compileRule(r.expr, ctx);
};

describe('rule compiler', () => {
  it('binds every literal as a parameter and emits only catalogue identifiers', () => {
    const c = compile("age < 60 and sex in ('2') and first_employment_date >= as_of - 6 months");
    expect(c.sql).toBe(
      "(" +
        "(coalesce((f.\"age\" < $r1_p1), false) AND coalesce((f.\"sex\" IN (CAST($r1_p2 AS VARCHAR))), false)) AND " +
        'coalesce((f."first_employment_date" >= CAST(CAST($r1_as_of AS DATE) - to_months(CAST($r1_p3 AS INTEGER)) AS DATE)), false))',
    );
    expect(c.params).toEqual({ r1_p1: 60, r1_p2: '2', r1_as_of: '2026-10-31', r1_p3: 6 });
    expect(c.leaves).toHaveLength(3);
  });

  it('keeps string content out of the SQL text entirely', () => {
    const c = compile("region = '''; drop table person; --' or region in ('\\', ')) or 1=1 --')");
    expect(c.sql).not.toMatch(/drop|1=1|--|;/i);
    expect(Object.values(c.params)).toEqual(["'; drop table person; --", '\\', ')) or 1=1 --']);
  });

  it('compiles negations, between, is null, tags and booleans', () => {
    const c = compile('not (age not between 16 and 59) and last_paid_period is null and tag:mobile_worker and disabled = false');
    expect(c.sql).toContain('NOT BETWEEN $r1_p1 AND $r1_p2');
    expect(c.sql).toContain('f."last_paid_period" IS NULL');
    expect(c.sql).toContain('t."tag_mobile_worker"');
    expect(c.sql).toContain('CAST($r1_p3 AS BOOLEAN)');
  });
});
