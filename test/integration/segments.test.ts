import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/database.ts';
import { readTagCatalogue } from '../../src/tags/tag-catalogue-store.ts';
import { checkCatalogue } from '../../src/tags/tag-catalogue.ts';
import { runTagBuild } from '../../src/tags/tag-build-store.ts';
import { breakdownSegment, countSegment, exportSegment, sampleSegment } from '../../src/segments/segment-store.ts';
import { maskMembers } from '../../src/segments/segment-mask.ts';
import { createSegment, listSegments, readSegment, updateSegment } from '../../src/segments/saved-segment-store.ts';
import { aPerson, aStore, insert, type PersonRow } from './tags-builders.ts';

describe('segments: counts, breakdowns, samples, exports, saved versions', () => {
  let db: Database;
  let dir: string;
  let cleanup: () => Promise<void>;
  const catalogue = readTagCatalogue();
  const clock = fixedClock('2026-11-01T08:00:00Z');
  const people: PersonRow[] = [
    ...Array.from({ length: 6 }, (_, i) => aPerson({ birth_date: `19${70 + i}-01-01`, sex: '1', residence_region: '510104', name: `王${i}`, phone: '13912345678' })),
    ...Array.from({ length: 3 }, (_, i) => aPerson({ birth_date: `19${50 + i}-01-01`, sex: '2', residence_region: '510107', disability: '2' })),
    aPerson({ birth_date: '2001-01-01', residence_region: '440305', name: '=HYPERLINK("x")' }),
  ];
  beforeAll(async () => {
    ({ db, dir, cleanup } = await aStore());
    await insert(db, 'person', people);
    await runTagBuild(db, catalogue, { asOf: '2026-10-31' }, clock);
  });
  afterAll(async () => cleanup());
  const count = (expr: string, regions: string[] = []) => countSegment(db, catalogue, { expr, regions }).then((r) => r.count);

  it('counts tag and fact combinations, restricted to districts, cities or provinces', async () => {
    expect(await count('tag:under_60')).toBe(7);
    expect(await count('tag:under_60 and sex = \'1\'')).toBe(7);
    expect(await count('tag:disabled or age >= 70')).toBe(3);
    expect(await count('tag:under_60', ['510104'])).toBe(6);
    expect(await count('alive', ['510100'])).toBe(9);
    expect(await count('alive', ['510000', '440000'])).toBe(10);
    expect(await count('alive', ['510107', '440305'])).toBe(4);
    const r = await countSegment(db, catalogue, { expr: 'tag:under_60', regions: [] });
    expect(r).toMatchObject({ buildId: 1, asOf: '2026-10-31' });
    expect(r.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('breaks a segment down by region, age band and sex in one pass', async () => {
    const b = await breakdownSegment(db, catalogue, { expr: 'alive', regions: ['510100'] });
    expect(b.count).toBe(9);
    expect(b.region.map((x) => [x.key, x.count])).toEqual([['510104', 6], ['510107', 3]]);
    expect(b.sex).toEqual([{ key: '1', count: 6 }, { key: '2', count: 3 }]);
    expect(b.ageBand.find((x) => x.key === '45-54')!.count).toBe(4);
    expect(b.ageBand.find((x) => x.key === '55-59')!.count).toBe(2);
    expect(b.ageBand.find((x) => x.key === '60+')!.count).toBe(3);
  });

  it('gives a masked sample and exports every member to CSV with formula cells neutralised', async () => {
    const sample = maskMembers(await sampleSegment(db, catalogue, { expr: "sex = '1'", regions: ['510104'] }, 3), false);
    expect(sample).toHaveLength(3);
    for (const s of sample) {
      expect(s.id_number).toMatch(/^510104\*{8}.{4}$/);
      expect(s.name).toMatch(/^王\*$/);
    }
    const file = join(dir, 'members.csv');
    const r = await exportSegment(db, catalogue, { expr: 'alive', regions: [] }, file, 4);
    expect(r.rows).toBe(10);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""x"")"`))).toBe(true);
    expect(lines.some((l) => l.includes('13912345678'))).toBe(true);
  });

  it('refuses hostile segment parameters and expressions, and they change nothing', async () => {
    for (const regions of [["510104' OR 1=1 --"], ['510104); DROP TABLE person; --'], ['5101'], ['５１０１０４'], ['510104\u0000'], Array(201).fill('510104')]) {
      await expect(countSegment(db, catalogue, { expr: 'alive', regions })).rejects.toMatchObject({ code: 'RULE_INVALID' });
    }
    for (const expr of ["tag:under_60'; DROP TABLE person; --", 'tag:under_60) OR (1=1', 'tag:nope', "tag:under_60 or region = '' or 1=1", 'tag:"under_60"']) {
      await expect(countSegment(db, catalogue, { expr, regions: [] })).rejects.toMatchObject({ code: 'RULE_INVALID' });
    }
    expect(await count("region = '510104'' OR ''1''=''1'")).toBe(0);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM person');
    expect(n).toBe(10);
  });

  it('says a tag was added after the last build instead of failing obscurely', async () => {
    const fresh = checkCatalogue([{ file: 'new.json', json: { tags: [{ code: 'fresh_tag', zh: '新标签', en: 'new tag', description: { zh: '新', en: 'new' }, category: 'employment', subject: 'person', rule: 'age > 30' }] } }]);
    if (!fresh.ok) throw new Error('catalogue');
    await expect(countSegment(db, fresh.catalogue, { expr: 'tag:fresh_tag', regions: [] })).rejects.toMatchObject({ code: 'CONFLICT', message: /fresh_tag not built yet/ });
  });

  it('saves segments with their owner and a history of versions', async () => {
    const s = await createSegment(db, catalogue, { name: '成华区未满60', expr: 'tag:under_60', regions: ['510108'] }, 'alice', clock);
    expect(s).toMatchObject({ id: 1, owner: 'alice', currentVersion: 1, current: { expr: 'tag:under_60', regions: ['510108'], author: 'alice' } });
    const v2 = await updateSegment(db, catalogue, s.id, { name: '成华区未满60', expr: 'tag:under_60 and disabled', regions: [] }, 'bob', clock);
    expect(v2.currentVersion).toBe(2);
    expect(v2.versions!.map((v) => [v.version, v.author])).toEqual([[2, 'bob'], [1, 'alice']]);
    expect((await readSegment(db, 1))!.owner).toBe('alice');
    expect((await listSegments(db, 'alice')).map((x) => x.current.expr)).toEqual(['tag:under_60 and disabled']);
    await expect(createSegment(db, catalogue, { name: 'bad', expr: 'agee > 1', regions: [] }, 'alice', clock)).rejects.toMatchObject({ code: 'RULE_INVALID' });
  });
});
