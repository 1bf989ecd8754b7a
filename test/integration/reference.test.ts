import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTempDb, sharedDataDir } from '../support/temp-db.ts';
import { loadReferenceTables } from '../../src/reference/reference-store.ts';
import { readRegionNamesEn, readRegions } from '../../src/reference/region-store.ts';
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
    expect(regions.isKnown('510104')).toBe(true);
    expect(regions.lookup('510100')?.name).toBe('成都市');
    expect(regions.childrenOf('510100').map((r) => r.code)).toContain('510104');
    expect(regions.cityOf('110105')).toBe('110100');
    expect(regions.lookup('110100')?.level).toBe(2);
    expect(regions.lookup('500200')?.name).toBe('重庆市县');
    expect(regions.provinceOf('429004')).toBe('420000');
    expect(regions.isKnown('999999')).toBe(false);
    const byLevel = [1, 2, 3].map((l) => regions.all.filter((r) => r.level === l).length);
    // 34 provincial units incl. Taiwan, Hong Kong and Macao; 337 listed cities + 5 municipal city levels;
    // 2,846 counties + 18 Hong Kong districts + 8 Macao parishes.
    expect(byLevel).toEqual([34, 342, 2872]);
    expect(['710000', '810000', '820000'].every((c) => regions.isKnown(c))).toBe(true);
    expect(regions.childrenOf('810000')).toHaveLength(18);
    expect(regions.childrenOf('820000')).toHaveLength(8);
    expect(regions.cityOf('810014')).toBeNull();
  });

  it('names every division in English', async () => {
    const regions = await readRegions();
    expect(regions.all.filter((r) => !r.nameEn || /[\u3400-\u9fff]/.test(r.nameEn))).toEqual([]);
    expect(['510000', '510100', '510104', '513200', '110000', '810014'].map((c) => regions.name(c, 'en'))).toEqual([
      'Sichuan Province', 'Chengdu City', 'Jinjiang District', 'Ngawa Tibetan and Qiang Autonomous Prefecture', 'Beijing', 'Tai Po District',
    ]);
    // Every entry of the table still matches the package: a code names the same division, a stem is used.
    const table = readRegionNamesEn();
    expect(table.codes.filter((c) => regions.lookup(c.code)?.name !== c.zh || regions.name(c.code, 'en') !== c.en)).toEqual([]);
    const unused = table.stems.filter((s) => !regions.all.some((r) => r.code.startsWith(s.within ?? '') && r.name.includes(s.zh) && r.nameEn.includes(s.en)));
    expect(unused).toEqual([]);
  });

  it('reads every CSCO 2022 occupation once', async () => {
    const occ = await readOccupations(sharedDataDir);
    const byLevel = [1, 2, 3, 4].map((l) => occ.all.filter((o) => o.level === l).length);
    // The source has 8/73/336/1,634 rows; three rows are repeated and 2-03-01-00 is both a minor group and an
    // occupation, so the distinct codes are 8/72/335/1,632.
    expect(byLevel).toEqual([8, 72, 335, 1632]);
    expect(new Set(occ.all.map((o) => o.code)).size).toBe(occ.all.length);
    expect(occ.lookup('2-02-10-01')?.parent).toBe('2-02-10-00');
    expect(occ.all.filter((o) => o.level > 1 && !occ.lookup(o.parent ?? ''))).toEqual([]);
    expect(occ.all.filter((o) => o.parent === o.code)).toEqual([]);
  });

  it('fills the reference tables once, with unique join keys', async () => {
    await loadReferenceTables(t.db, sharedDataDir);
    await t.db.run(`INSERT INTO ref_industry VALUES ('Z', 'marker', 'marker')`);
    await loadReferenceTables(t.db, sharedDataDir); // already filled: must not reload
    const [c] = await t.db.query<Record<string, number | string>>(
      `SELECT (SELECT count(*) FROM ref_region) AS regions, (SELECT count(DISTINCT code) FROM ref_region) AS region_codes,
              (SELECT count(*) FROM ref_region WHERE level = 1) AS provinces,
              (SELECT count(*) FROM ref_occupation WHERE level = 4) AS occupations,
              (SELECT count(*) FROM ref_occupation) AS occupation_rows, (SELECT count(DISTINCT code) FROM ref_occupation) AS occupation_codes,
              (SELECT count(*) FROM ref_industry) AS industries,
              (SELECT count(*) FROM ref_code) AS code_rows, (SELECT count(*) FROM (SELECT DISTINCT list, alias FROM ref_code)) AS code_aliases,
              (SELECT code FROM ref_code WHERE list = 'sex' AND alias = '男') AS male,
              (SELECT code FROM ref_code WHERE list = 'scheme' AND alias = '失业保险') AS unemployment,
              (SELECT code FROM ref_code WHERE list = 'industry' AND alias = 'Manufacturing') AS manufacturing,
              (SELECT name FROM ref_region WHERE code = '110105') AS chaoyang,
              (SELECT name_en FROM ref_region WHERE code = '110105') AS chaoyang_en,
              (SELECT count(*) FROM ref_region WHERE name_en IS NULL) AS unnamed`,
    );
    expect(c).toMatchObject({
      regions: 3248, region_codes: 3248, provinces: 34, occupations: 1632, occupation_rows: 2047, occupation_codes: 2047,
      industries: 21, male: '1', unemployment: '210', manufacturing: 'C', chaoyang: '朝阳区', chaoyang_en: 'Chaoyang District', unnamed: 0,
    });
    expect(c.code_rows).toBe(c.code_aliases);
  });

  it('refills all tables when one of them is empty', async () => {
    await t.db.run('DELETE FROM ref_code');
    await loadReferenceTables(t.db, sharedDataDir);
    const [c] = await t.db.query<{ industries: number; codes: number }>(
      `SELECT (SELECT count(*) FROM ref_industry) AS industries, (SELECT count(*) FROM ref_code) AS codes`,
    );
    expect(c.industries).toBe(20);
    expect(c.codes).toBeGreaterThan(100);
  });

  it('adds English names to a ref_region loaded before they existed', async () => {
    const old = await aTempDb();
    try {
      await old.db.run(`CREATE TABLE ref_region (code VARCHAR, name VARCHAR, level INTEGER, province VARCHAR, city VARCHAR)`);
      await old.db.run(`INSERT INTO ref_region VALUES ('110105', '朝阳区', 3, '110000', '110100')`);
      await loadReferenceTables(old.db, sharedDataDir);
      const [r] = await old.db.query<{ n: number; en: string }>(
        `SELECT count(*) AS n, any_value(name_en) FILTER (WHERE code = '510100') AS en FROM ref_region`,
      );
      expect(r).toEqual({ n: 3248, en: 'Chengdu City' });
    } finally {
      await old.dispose();
    }
  });
});
