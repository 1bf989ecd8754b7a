import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDuckDatabase } from '../../src/platform/duckdb-database.ts';
import { entityTableDdl } from '../../src/platform/schema-store.ts';
import type { Database } from '../../src/platform/database.ts';
import { readPensionHistory } from '../../src/actuarial/pension-store.ts';
import { estimatePensionFor } from '../../src/actuarial/pension-estimate-store.ts';

const policyDir = resolve(import.meta.dirname, '../../data/policy');
const ID = '110101197001010011';
const OTHER = '110101198505050022';

function aPerson(p: { id: string; sex: string; birth: string }) {
  return { id: p.id, sex: p.sex, birth: p.birth };
}

/** Monthly scheme-110 rows for a whole year at one base, paid unless `unpaid`. */
function aYearOfContributions(id: string, year: number, base: number, unpaid = false) {
  return Array.from({ length: 12 }, (_, m) => ({ id, period: `${year}-${String(m + 1).padStart(2, '0')}-01`, base, paid: unpaid ? null : `${year}-${String(m + 1).padStart(2, '0')}-15` }));
}

describe('pension store (DuckDB)', () => {
  let dir: string;
  let db: Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'renshe-actuarial-'));
    db = await openDuckDatabase(join(dir, 'test.duckdb'));
    for (const ddl of entityTableDdl()) await db.run(ddl); // entity tables only: this test needs no platform tables
    for (const p of [aPerson({ id: ID, sex: '1', birth: '1970-01-01' }), aPerson({ id: OTHER, sex: '2', birth: '1985-05-05' })]) {
      await db.run(
        `INSERT INTO person (id_number, name, sex, birth_date, hukou_region, hukou_type) VALUES ($id, '测试', $sex, $birth::DATE, '110101', 'urban')`,
        p,
      );
    }
    const rows = [
      ...aYearOfContributions(ID, 2022, 12000),
      ...aYearOfContributions(ID, 2023, 12000),
      ...aYearOfContributions(ID, 2024, 12000, true), // arrears: not counted
      ...aYearOfContributions(OTHER, 2022, 6000),
      ...aYearOfContributions(OTHER, 2023, 6000),
      ...aYearOfContributions(OTHER, 2024, 8000),
    ];
    for (const r of rows) {
      await db.run(
        `INSERT INTO contribution (id_number, scheme, period, base, employer_amount, personal_amount, due_date, paid_date, region)
         VALUES ($id, '110', $period::DATE, $base, $base * 0.16, $base * 0.08, $period::DATE, $paid::DATE, '110101')`,
        r,
      );
    }
  });

  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads paid months by year with the store-wide average base as the reference', async () => {
    const h = await readPensionHistory(db, ID);
    expect(h.birthDate).toBe('1970-01-01');
    expect(h.years).toEqual([
      { year: 2022, months: 12, avgBase: 12000, referenceWage: 9000 },
      { year: 2023, months: 12, avgBase: 12000, referenceWage: 9000 },
    ]);
    expect(h.latestReference).toEqual({ year: 2024, avgBase: 10000 });
  });

  it('estimates a stored person end to end, inferring the category from sex', async () => {
    const e = await estimatePensionFor({ id: ID, deemedYears: 0 }, { policyDir, db, today: '2025-01-15', region: 'CN' });
    expect(e.retirementMonth).toBe('2031-05');
    expect(e.contributionYears.past).toBe(2);
    expect(e.avgIndexRatio).toBeCloseTo(12000 / 9000, 2);
    expect(e.eligible).toBe(false); // 2 recorded + 6.3 future years < 16
  });

  it('adds assumed years before the store’s records when the total contributed is given', async () => {
    const e = await estimatePensionFor({ id: ID, deemedYears: 0, yearsContributed: 20 }, { policyDir, db, today: '2025-01-15', region: 'CN' });
    expect(e.contributionYears.past).toBe(20); // 2 recorded + 18 assumed (2004–2021)
    expect(e.avgIndexRatio).toBeCloseTo(12000 / 9000, 2); // the assumed years keep the recorded index
    expect(e.eligible).toBe(true);
  });

  it('fails with NOT_FOUND for an unknown ID', async () => {
    await expect(readPensionHistory(db, '110101199901010000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
