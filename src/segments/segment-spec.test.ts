import { describe, expect, it } from 'vitest';
import { compileSegment, regionPrefix } from './segment-spec.ts';
import { checkCatalogue } from '../tags/tag-catalogue.ts';

const catalogue = (() => {
  const r = checkCatalogue([{ file: 't.json', json: { tags: [{ code: 'under_60', zh: '未满60', en: 'under 60', description: { zh: 'x', en: 'x' }, category: 'social_insurance', subject: 'person', rule: 'age < 60' }] } }]);
  if (!r.ok) throw new Error('catalogue');
  return r.catalogue;
})();

describe('segment compilation', () => {
  it('maps region codes to prefixes: district, city, province', () => {
    expect([regionPrefix('510104'), regionPrefix('510100'), regionPrefix('510000')]).toEqual(['510104', '5101', '51']);
  });

  it('reads the tag table alone when only tags, region, sex and age are used, else pairs it with the facts', () => {
    const narrow = compileSegment({ expr: "tag:under_60 and sex = '2' and age > 30", regions: ['510100'] }, catalogue, '2026-10-31');
    expect(narrow.ok && narrow.segment.from).toBe('person_tag f');
    expect(narrow.ok && narrow.segment.where).toContain('f."tag_under_60"');
    expect(narrow.ok && narrow.segment.params).toMatchObject({ region0: '5101' });
    const joined = compileSegment({ expr: 'tag:under_60 and arrears_months > 0', regions: [] }, catalogue, '2026-10-31');
    expect(joined.ok && joined.segment.from).toBe('person_fact f POSITIONAL JOIN person_tag t');
    expect(joined.ok && joined.segment.where).toContain('t."tag_under_60"');
  });

  it('refuses malformed region codes with a problem, without building SQL', () => {
    const r = compileSegment({ expr: 'tag:under_60', regions: ["510104' OR 1=1"] }, catalogue, '2026-10-31');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].en).toMatch(/region code .* is invalid/);
  });
});
