import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { openDuckDatabase } from '../../src/platform/duckdb-database.ts';
import { entityTableDdl } from '../../src/platform/schema-store.ts';
import type { Database } from '../../src/platform/database.ts';
import { readMedicalCalibration, readPensionCalibration } from '../../src/actuarial/calibration-store.ts';
import { runProjection, policyLookup, type ProjectionContext } from '../../src/actuarial/projection-store.ts';
import { reportToCsv, reportToXlsx } from '../../src/actuarial/report-export.ts';
import { resolveScenario } from '../../src/actuarial/resolve-scenario.ts';
import { buildProjectionReport } from '../../src/actuarial/projection-report.ts';
import { buildDemographicInputs } from '../../src/actuarial/demographic-inputs.ts';
import { readWpp } from '../../src/demography/wpp-store.ts';

const policyDir = resolve(import.meta.dirname, '../../data/policy');
const sharedDataDir = resolve(import.meta.dirname, '../../../shared/data');

/** 120 workers born 1970–1999 and 40 pensioners born 1945–1964, alternating sex. */
function aCity() {
  return Array.from({ length: 160 }, (_, i) => ({
    id: `1101011${String(i).padStart(11, '0')}`,
    sex: i % 2 === 0 ? '1' : '2',
    birth: i < 120 ? `${1970 + (i % 30)}-03-01` : `${1945 + (i % 20)}-06-01`,
    worker: i < 120,
  }));
}

describe('actuarial projection on the store (DuckDB)', () => {
  let dir: string;
  let db: Database;
  let ctx: ProjectionContext;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'renshe-actuarial-'));
    db = await openDuckDatabase(join(dir, 'city.duckdb'));
    for (const ddl of entityTableDdl()) await db.run(ddl);
    for (const p of aCity()) {
      await db.run(
        `INSERT INTO person (id_number, name, sex, birth_date, hukou_region, hukou_type) VALUES ($id, '测试', $sex, $birth::DATE, '110101', 'urban')`,
        { id: p.id, sex: p.sex, birth: p.birth },
      );
      await db.run(`INSERT INTO enrolment (id_number, scheme, status, effective_date, region) VALUES ($id, '310', 'active', DATE '2020-01-01', '110101')`, { id: p.id });
    }
    // Workers pay 11 of 12 months of 2024 in both schemes at base 8,000; pensioners draw 3,500 a month.
    for (const scheme of ['110', '310']) {
      await db.run(
        `INSERT INTO contribution (id_number, scheme, period, base, employer_amount, personal_amount, due_date, paid_date, region)
         SELECT p.id_number, $scheme, make_date(2024, m, 1), 8000, 1280, 640, make_date(2024, m, 15),
                CASE WHEN m = 12 THEN NULL ELSE make_date(2024, m, 15) END, '110101'
         FROM person p, range(1, 13) t(m) WHERE year(p.birth_date) >= 1970`,
        { scheme },
      );
    }
    await db.run(
      `INSERT INTO benefit (id_number, benefit_type, period, amount, region)
       SELECT p.id_number, 'pension', make_date(2024, m, 1), 3500, '110101' FROM person p, range(1, 13) t(m) WHERE year(p.birth_date) < 1970`,
    );
    // Everyone has two outpatient visits at level 1; pensioners also a level-3 stay.
    await db.run(
      `INSERT INTO medical_settlement (settlement_id, id_number, scheme, settle_date, hospital_level, inpatient, diagnosis_group, total_cost, fund_paid, out_of_pocket, region)
       SELECT p.id_number || '-' || k, p.id_number, '310', make_date(2024, 3 + k, 10), '1', false, NULL, 200, 120, 80, '110101'
       FROM person p, range(0, 2) t(k)
       UNION ALL
       SELECT p.id_number || '-in', p.id_number, '310', DATE '2024-09-01', '3', true, 'FR23', 20000, 16000, 4000, '110101'
       FROM person p WHERE year(p.birth_date) < 1970`,
    );
    ctx = { policyDir, sharedDataDir, db, now: new Date('2025-06-01T00:00:00Z') };
  });

  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads pension calibration as full-year equivalents of paid months', async () => {
    const c = await readPensionCalibration(db);
    expect(c).toMatchObject({ year: 2024, months: 11, contributors: 120, contributorPersons: 120, avgMonthlyBase: 8000, retirees: 40, avgMonthlyPension: 3500 });
  });

  it('aggregates medical settlements by level and setting, by age, and by diagnosis group in SQL', async () => {
    const c = (await readMedicalCalibration(db))!;
    expect(c.insured).toBe(160);
    // Settlements fall in three months of 2024 (March, April, September): annualised × 12 / 3.
    expect(c.months).toBe(3);
    expect(c.components).toEqual([
      { level: '1', setting: 'outpatient', cases: 320 * 4, totalCost: 64000 * 4, fundPaid: 38400 * 4 },
      { level: '3', setting: 'inpatient', cases: 40 * 4, totalCost: 800000 * 4, fundPaid: 640000 * 4 },
    ]);
    expect(c.diagnosisGroups[0]).toMatchObject({ level: '3', group: 'FR23', cases: 160 });
  });

  it('calibrates the base year to the store and reproduces the report from its CSV alone', async () => {
    const report = await runProjection({ scenarios: ['reform-2025', 'drg-dip-2025'], years: 20, calibrate: true, sensitivity: false }, ctx);
    const [pension, medical] = report.scenarios;
    expect(pension.rows[0].year).toBe(2025);
    expect((pension.rows[0] as { contributors: number }).contributors).toBeCloseTo(120, 6);
    expect((pension.rows[0] as { retirees: number }).retirees).toBeCloseTo(40, 6);
    expect((medical.rows[0] as { insured: number }).insured).toBeCloseTo(160, 6);
    expect(pension.assumptions.base.calibratedFrom).toMatch(/2024/);

    const csv = reportToCsv(report);
    const line = csv.split('\n').find((l) => l.startsWith('# assumptions reform-2025 '))!;
    const fromFile = JSON.parse(line.slice('# assumptions reform-2025 '.length));
    const wpp = await readWpp(sharedDataDir);
    const again = buildProjectionReport([resolveScenario(fromFile, policyLookup(policyDir), 'csv')], (b, y, v) => buildDemographicInputs(wpp, b, b + y - 1, v), { generatedAt: 'x', sensitivity: false });
    expect(again.scenarios[0].hash).toBe(pension.hash);
    expect(again.scenarios[0].rows).toEqual(pension.rows);
  });

  it('exports a workbook with the comparison, years, sensitivity, assumptions and notes', async () => {
    const report = await runProjection({ scenarios: ['no-reform', 'reform-2025'], years: 10, sensitivity: true }, { ...ctx, db: undefined });
    const wb = new ExcelJS.Workbook();
    const buffer = await reportToXlsx(report);
    await wb.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['对比 Summary', '逐年 Years', '敏感性 Sensitivity', '假设 Assumptions', '说明 Notes']);
    expect(wb.getWorksheet('逐年 Years')!.rowCount).toBe(1 + 2 * 10);
    expect(wb.getWorksheet('敏感性 Sensitivity')!.rowCount).toBe(1 + 2 * 8);
  });

  it('refuses to calibrate on an empty store with a clear error', async () => {
    const empty = await openDuckDatabase(':memory:');
    for (const ddl of entityTableDdl()) await empty.run(ddl);
    await expect(runProjection({ scenarios: ['reform-2025'], years: 5, calibrate: true }, { ...ctx, db: empty })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await empty.close();
  });
});
