import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/database.ts';
import { loadReferenceTables } from '../../src/reference/reference-store.ts';
import { readTagCatalogue } from '../../src/tags/tag-catalogue-store.ts';
import { runTagBuild } from '../../src/tags/tag-build-store.ts';
import { getEmployer, getPerson, searchEmployers, searchPersons } from '../../src/directory/directory-store.ts';
import { readOverview } from '../../src/overview/overview-store.ts';
import { readPersonProfile } from '../../src/profiles/person-profile-store.ts';
import { readEmployerProfile } from '../../src/profiles/employer-profile-store.ts';
import { ensureIndicatorSchema, readIndicatorRegions, readLatestByRegion } from '../../src/indicators/indicator-store.ts';
import { ensureAlertSchema, listAlerts } from '../../src/alerts/alert-store.ts';
import { breakdownSegment } from '../../src/segments/segment-store.ts';
import { sharedDataDir } from '../support/temp-db.ts';
import { aContribution, aPerson, aStore, anEmployer, insert } from './tags-builders.ts';

/** Every reader that returns a region's name also returns its English name (510104 锦江区 Jinjiang District). */
describe('region names in English wherever a region is named', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  const catalogue = readTagCatalogue();
  const clock = fixedClock('2026-11-01T08:00:00Z');
  const person = aPerson({ hukou_region: '510104', residence_region: '510107' });
  const firm = anEmployer({ region: '510104' });

  beforeAll(async () => {
    ({ db, cleanup } = await aStore());
    await loadReferenceTables(db, sharedDataDir);
    await insert(db, 'person', [person]);
    await insert(db, 'employer', [firm]);
    await insert(db, 'contribution', [aContribution({ id_number: person.id_number, credit_code: firm.credit_code, region: '510104' })]);
    await ensureIndicatorSchema(db);
    await db.run(`INSERT INTO indicator_value VALUES ('REG_UNEMPLOYED', '510104', DATE '2026-10-01', 5, NULL, NULL, TIMESTAMP '2026-11-01 08:00:00')`);
    await ensureAlertSchema(db);
    await db.run(
      `INSERT INTO alert (rule_id, indicator, region, period, level, message_zh, message_en, evidence, first_seen, last_seen)
       VALUES ('r1', 'REG_UNEMPLOYED', '510104', DATE '2026-10-01', 'yellow', '提示', 'note', '{}', TIMESTAMP '2026-11-01 08:00:00', TIMESTAMP '2026-11-01 08:00:00')`,
    );
    await runTagBuild(db, catalogue, { asOf: '2026-10-31' }, clock);
  });
  afterAll(async () => cleanup());

  /** The English name each reader gives 510104, in one list, so a reader that drops it shows up by position. */
  const englishNames = async () => {
    const persons = await searchPersons(db, { allowedRegions: [], limit: 10, offset: 0 });
    const one = await getPerson(db, person.id_number, []);
    const employers = await searchEmployers(db, { limit: 10, offset: 0 });
    const employer = (await getEmployer(db, firm.credit_code)) as { employer: Record<string, unknown> } | null;
    const profile = await readPersonProfile(db, catalogue, person.id_number, clock);
    const firmProfile = await readEmployerProfile(db, catalogue, firm.credit_code, clock);
    const overview = await readOverview(db);
    const latest = await readLatestByRegion(db, 'REG_UNEMPLOYED');
    const regions = await readIndicatorRegions(db, 'REG_UNEMPLOYED');
    const alerts = await listAlerts(db);
    const segment = await breakdownSegment(db, catalogue, { expr: 'alive', regions: [] });
    return [
      persons.rows[0].hukouRegionNameEn, one?.hukouRegionNameEn, employers.rows[0].regionNameEn, employer?.employer.regionNameEn,
      profile?.person.hukou_region_name_en, firmProfile?.employer.region_name_en, overview.insuredByRegion[0].nameEn,
      latest[0].nameEn, regions[0].nameEn, alerts[0].regionNameEn, segment.region.find((r) => r.key === '510107')?.nameEn,
      profile?.person.residence_region_name_en,
    ];
  };

  it('returns null English names, and the Chinese ones, on a database loaded before English names existed', async () => {
    await db.run('ALTER TABLE ref_region DROP COLUMN name_en');
    expect(await englishNames()).toEqual(Array(12).fill(null));
    expect((await searchPersons(db, { allowedRegions: [], limit: 10, offset: 0 })).rows[0].hukouRegionName).toBe('锦江区');
  });

  it('returns the English name beside the Chinese one once the reference tables are reloaded', async () => {
    await loadReferenceTables(db, sharedDataDir);
    expect(await englishNames()).toEqual([...Array(10).fill('Jinjiang District'), 'Wuhou District', 'Wuhou District']);
    const overview = await readOverview(db);
    expect(overview.insuredByRegion[0]).toMatchObject({ region: '510104', name: '锦江区', nameEn: 'Jinjiang District' });
  });
});
