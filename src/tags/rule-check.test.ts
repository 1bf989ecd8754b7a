import { describe, expect, it } from 'vitest';
import { analyseRule, type CheckContext } from './rule-check.ts';
import { keywords } from './rule-parser.ts';
import { factCatalogue } from '../facts/fact-catalogue.ts';

const person: CheckContext = { subject: 'person', tags: new Set(['mobile_worker', 'in_arrears']) };
const problems = (text: string, ctx = person) => {
  const r = analyseRule(text, ctx);
  if (r.ok) throw new Error(`expected problems for ${text}`);
  return r.problems;
};

describe('rule type checker', () => {
  it('accepts well-typed rules over catalogue facts and known tags', () => {
    for (const text of [
      'age < 60 and distinct_regions_24m >= 2',
      "sex = '2' and hukou_type in ('rural') and disabled",
      'first_employment_date >= as_of - 6 months and not tag:mobile_worker',
      "employment_status not in ('employed', 'retired') and unemployed_months between 12 and 600",
      'last_paid_period is null or months_since_last_contribution > 3',
      "birth_date <= date '2000-12-31' and region = '510104'",
      'alive = true and pension_drawn != false',
    ]) {
      const r = analyseRule(text, person);
      expect(r.ok ? [] : r.problems.map((p) => p.en), text).toEqual([]);
    }
  });

  it('names unknown facts with a suggestion, and hints at tag: when a tag has that name', () => {
    const [p] = problems('agee < 60');
    expect(p).toMatchObject({ code: 'RULE_UNKNOWN_FACT', line: 1, column: 1 });
    expect(p.en).toMatch(/unknown fact "agee".*did you mean age/);
    expect(p.zh).toMatch(/未知的事实“agee”/);
    expect(problems('mobile_worker')[0].en).toMatch(/tag:mobile_worker/);
    expect(problems('tag:nobody')[0]).toMatchObject({ code: 'RULE_UNKNOWN_TAG' });
    expect(problems('tag:in_arrears', { subject: 'person', tags: null })[0].code).toBe('RULE_UNKNOWN_TAG');
  });

  it('refuses type mismatches and operators that do not fit the type', () => {
    expect(problems("age > '60'")[0]).toMatchObject({ code: 'RULE_TYPE_MISMATCH', column: 7 });
    expect(problems("age > '60'")[0].en).toMatch(/age \(number\) cannot be compared with a text/);
    expect(problems('disabled > 1')[0].code).toBe('RULE_TYPE_MISMATCH');
    expect(problems("sex < '2'")[0].code).toBe('RULE_BAD_OPERATOR');
    expect(problems('disabled < true')[0].en).toMatch(/operator < cannot be used with a boolean/);
    expect(problems('age')[0].en).toMatch(/not a boolean/);
    expect(problems("region between 'a' and 'b'")[0].code).toBe('RULE_BAD_OPERATOR');
    expect(problems('age in (1, age)')[0].en).toMatch(/constants only/);
    expect(problems('sex - 3 days > as_of')[0].en).toMatch(/only dates can be shifted/);
    expect(problems('birth_date > 1990')[0].code).toBe('RULE_TYPE_MISMATCH');
  });

  it('checks code values against the code list and dates against the calendar', () => {
    const [p] = problems("sex = 'M'");
    expect(p.code).toBe('RULE_UNKNOWN_CODE');
    expect(p.en).toMatch(/'1' \(male\), '2' \(female\)/);
    expect(problems("employment_status in ('employed', 'jobless')")[0].column).toBe(35);
    expect(problems("birth_date > date '2023-02-30'")[0].code).toBe('RULE_BAD_DATE');
    expect(problems('first_employment_date > as_of - 5000 months')[0].code).toBe('RULE_BAD_NUMBER');
  });

  it('requires every comparison to involve a fact', () => {
    expect(problems('1 = 1')[0].code).toBe('RULE_NO_FACT');
    expect(problems("'a' = 'a' or age > 1")[0].code).toBe('RULE_NO_FACT');
    expect(problems('true')[0].code).toBe('RULE_NO_FACT');
  });

  it('reports every problem, not only the first', () => {
    expect(problems("agee > 1 and sex = 'x' and disabled > 2").map((p) => p.code)).toEqual(['RULE_UNKNOWN_FACT', 'RULE_UNKNOWN_CODE', 'RULE_TYPE_MISMATCH']);
  });

  it('checks employer rules against the employer catalogue', () => {
    expect(analyseRule('arrears_amount > 0 and wage_complaints_12m >= 1', { subject: 'employer', tags: null }).ok).toBe(true);
    expect(problems('age > 1', { subject: 'employer', tags: null })[0].code).toBe('RULE_UNKNOWN_FACT');
  });

  it('no fact code collides with a keyword of the language', () => {
    for (const f of [...factCatalogue.person, ...factCatalogue.employer]) expect(keywords.has(f.code), f.code).toBe(false);
  });
});
