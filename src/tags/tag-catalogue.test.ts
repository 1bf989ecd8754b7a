import { describe, expect, it } from 'vitest';
import { checkCatalogue } from './tag-catalogue.ts';
import { loadTagFiles } from './tag-catalogue-store.ts';

const tag = (code: string, rule: string, subject = 'person') => ({
  code, zh: '测试', en: 'test', description: { zh: '说明', en: 'description' }, category: 'employment', subject, rule,
});

describe('tag catalogue', () => {
  it('the shipped catalogue in data/tags is valid and covers the brief', () => {
    const r = loadTagFiles();
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (!r.ok) return;
    const codes = new Set(r.catalogue.tags.map((t) => t.code));
    for (const code of [
      'mobile_worker', 'contributions_interrupted', 'in_arrears', 'under_60', 'parent_of_newborn', 'newly_employed', 'new_employer',
      'wants_business', 'vulnerable_job_seeker', 'long_term_unemployed', 'graduate', 'migrant_worker', 'flexible_worker',
      'demobilised_officer', 'pensioner', 'poverty_risk', 'high_medical_burden', 'employer_wage_arrears_risk', 'not_pension_insured',
      'not_medical_insured', 'nearing_retirement', 'employer_grade_c', 'skilled_worker', 'unemployment_benefit_recipient', 'disabled',
      'low_income_household',
    ]) expect(codes.has(code), code).toBe(true);
    const order = r.catalogue.order;
    expect(order.indexOf('mobile_worker')).toBeLessThan(order.indexOf('collection_reminder'));
  });

  it('names the file, the tag and the position of a bad rule', () => {
    const r = checkCatalogue([{ file: 'x.json', json: { tags: [tag('a_tag', 'age > 1 and agee < 3')] } }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ file: 'x.json', tag: 'a_tag', problem: { code: 'RULE_UNKNOWN_FACT', line: 1, column: 13 } });
  });

  it('refuses schema errors, duplicate codes, cross-subject references and cycles', () => {
    const bad = checkCatalogue([{ file: 'x.json', json: { tags: [{ ...tag('A', 'age > 1'), extra: 1 }] } }]);
    expect(bad.ok).toBe(false);
    const dup = checkCatalogue([{ file: 'a.json', json: { tags: [tag('t1', 'age > 1')] } }, { file: 'b.json', json: { tags: [tag('t1', 'age > 2')] } }]);
    expect(!dup.ok && dup.problems[0].problem.code).toBe('TAG_DUPLICATE');
    const cross = checkCatalogue([{ file: 'a.json', json: { tags: [tag('p1', 'tag:e1'), tag('e1', 'headcount > 1', 'employer')] } }]);
    expect(!cross.ok && cross.problems[0].problem.code).toBe('RULE_UNKNOWN_TAG');
    const cycle = checkCatalogue([{ file: 'a.json', json: { tags: [tag('t1', 'tag:t2 and age > 1'), tag('t2', 'tag:t3'), tag('t3', 'tag:t1')] } }]);
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) expect(cycle.problems[0].problem.en).toMatch(/t1 → t2 → t3 → t1/);
  });
});
