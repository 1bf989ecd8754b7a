import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTempDb, sharedDataDir } from '../support/temp-db.ts';
import { loadReferenceTables } from '../../src/reference/reference-store.ts';
import { readRegions } from '../../src/reference/region-store.ts';
import { readOccupations } from '../../src/reference/occupation-store.ts';

describe('reference data', () => {
  let t: Awaited<ReturnType<typeof aTempDb>>;
  beforeAll(async () => {
    t = await aTempDb();
  });
  afterAll(async () => t.dispose());

  it('knows GB/T 2260 divisions at three levels', async () => {
    const regions = await readRegions();
    expect(regions.lookup('110105')?.name).toBe('朝阳区');
    expect(regions.lookup('510100')?.name).toBe('成都市');
    expect(regions.childrenOf('510100').map((r) => r.code)).toContain('510104');
    expect(regions.isKnown('999999')).toBe(false);
    expect(regions.all.filter((r) => r.level === 1).length).toBeGreaterThanOrEqual(31);
  });

  it('reads every CSCO 2022 occupation', async () => {
    const occ = await readOccupations(sharedDataDir);
    expect(occ.all.filter((o) => o.level === 1)).toHaveLength(8);
    // 1,634 detailed rows in the source: two repeat a detailed code and one repeats a minor-group code.
    expect(occ.detailed).toHaveLength(1631);
    expect(new Set(occ.all.map((o) => o.code)).size).toBe(occ.all.length);
    expect(occ.lookup('2-02-10-01')?.parent).toBe('2-02-10-00');
  });

  it('fills the reference tables once', async () => {
    await loadReferenceTables(t.db, sharedDataDir);
    await loadReferenceTables(t.db, sharedDataDir);
    const [c] = await t.db.query<{ regions: number; occupations: number; industries: number; male: string }>(
      `SELECT (SELECT count(*) FROM ref_region) AS regions, (SELECT count(*) FROM ref_occupation WHERE level = 4) AS occupations,
              (SELECT count(*) FROM ref_industry) AS industries, (SELECT code FROM ref_code WHERE list = 'sex' AND alias = '男') AS male`,
    );
    expect(c.regions).toBe((await readRegions()).all.length);
    expect(c).toMatchObject({ occupations: 1631, industries: 20, male: '1' });
  });
});
