import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { readConfig } from '../../src/platform/config.ts';
import { entities, entityOf } from '../../src/model/entities.ts';
import { parseIdNumber } from '../../src/identity/id-number.ts';
import { parseCreditCode } from '../../src/identity/credit-code.ts';
import { isMobileNumber } from '../../src/identity/phone.ts';
import { readGeneratorParams, writeCity, type GenerateSummary } from '../../src/generate/generate-store.ts';
import { readGenerateInputs } from '../../src/generate/generate-inputs-store.ts';
import type { DefectRecord } from '../../src/generate/row-emitter.ts';

const config = readConfig({});
const options = { persons: 1500, seed: 11, asOf: '2026-10-31', months: 36, defectRate: 0.02, region: '510100' };
let dirA: string;
let dirB: string;
let summary: GenerateSummary;
let manifest: { files: { file: string; entity: string; format: string; encoding: string | null; rows: number }[]; defects: DefectRecord[] };

/** Every file's header and data rows as text cells. */
async function readTable(dir: string, file: string, encoding: string | null): Promise<string[][]> {
  if (file.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, file));
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    return rows;
  }
  const bytes = readFileSync(join(dir, file));
  const text = encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8');
  // Generated values never contain commas or quotes except in free text, which is quoted.
  return text.trimEnd().split('\n').map((l) => l.split(','));
}

beforeAll(async () => {
  const params = await readGeneratorParams(config.policyDir);
  const inputs = await readGenerateInputs(config.sharedDataDir, params, options.region);
  dirA = mkdtempSync(join(tmpdir(), 'renshe-gen-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'renshe-gen-b-'));
  summary = await writeCity(dirA, inputs, options);
  await writeCity(dirB, inputs, options);
  manifest = JSON.parse(readFileSync(join(dirA, 'manifest.json'), 'utf8'));
}, 120_000);

afterAll(() => {
  rmSync(dirA, { recursive: true, force: true });
  rmSync(dirB, { recursive: true, force: true });
});

describe('renshe generate output files', () => {
  it('is byte-for-byte identical for the same seed', () => {
    const files = readdirSync(dirA).sort();
    expect(files).toEqual(readdirSync(dirB).sort());
    expect(files).toContain('ground-truth.csv');
    for (const f of files) expect(readFileSync(join(dirA, f)).equals(readFileSync(join(dirB, f))), f).toBe(true);
  });

  it('writes one file per entity with the model’s Chinese headers and the manifest’s row counts', async () => {
    expect(manifest.files.map((f) => f.entity)).toEqual(entities.map((e) => e.name));
    for (const f of manifest.files) {
      const rows = await readTable(dirA, f.file, f.encoding);
      expect(rows[0], f.file).toEqual(entityOf(f.entity).fields.map((x) => x.zh));
      expect(rows.length - 1, f.file).toBe(f.rows);
    }
    expect(manifest.files.find((f) => f.entity === 'contribution')!.rows).toBeGreaterThan(30_000);
    expect(summary.personRows).toBeGreaterThanOrEqual(options.persons);
  });

  it('uses real GBK for the GBK files and opens the XLSX tables', async () => {
    const gbk = manifest.files.filter((f) => f.encoding === 'gbk');
    expect(gbk.map((f) => f.entity).sort()).toEqual(['business_registration', 'employer', 'household']);
    for (const f of gbk) {
      const bytes = readFileSync(join(dirA, f.file));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      expect(iconv.decode(bytes, 'gbk')).toContain(entityOf(f.entity).fields[1].zh);
    }
    const xlsx = manifest.files.filter((f) => f.format === 'xlsx').map((f) => f.entity).sort();
    expect(xlsx).toEqual(['arbitration_case', 'inspection_case', 'training_course']);
  });

  it('plants ID and credit-code defects that fail the validators, and every clean one passes', async () => {
    const byRow = new Map<string, DefectRecord>();
    for (const d of manifest.defects) if (d.kind !== 'cascade') byRow.set(`${d.file}#${d.rowNo}`, d);
    let checked = 0;
    let planted = 0;
    // Collected rather than asserted cell by cell: a few hundred thousand expect() calls are slow.
    const errors: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && errors.length < 20) errors.push(what);
    };
    for (const f of manifest.files) {
      const fields = entityOf(f.entity).fields;
      const rows = (await readTable(dirA, f.file, f.encoding)).slice(1);
      rows.forEach((cells, i) => {
        const d = byRow.get(`${f.file}#${i + 1}`);
        fields.forEach((field, k) => {
          const v = cells[k];
          const planted_here = d && d.field === field.name;
          if (field.type.kind === 'id_number' && v !== '') {
            const parsed = parseIdNumber(v);
            if (planted_here && (d.kind === 'id_check_digit' || d.kind === 'id_scientific')) {
              planted++;
              check(!parsed.ok && parsed.reason === d.reason, `${f.file}#${i + 1} ${v} should fail with ${d.reason}`);
            } else if (planted_here && d.kind === 'id_legacy_15') {
              check(parsed.ok && parsed.upgraded, `${f.file}#${i + 1} ${v} should upgrade`);
            } else {
              checked++;
              check(parsed.ok, `${f.file}#${i + 1} ${v} should be valid`);
            }
          }
          if (field.type.kind === 'credit_code' && v !== '') {
            const parsed = parseCreditCode(v);
            if (planted_here && d.kind === 'credit_code_check') check(!parsed.ok && parsed.reason === 'CREDIT_CODE_CHECK', `${f.file}#${i + 1} ${v} should fail`);
            else check(parsed.ok, `${f.file}#${i + 1} ${v} should be valid`);
          }
          if (field.type.kind === 'phone' && v !== '') check(isMobileNumber(v), `${f.file}#${i + 1} phone ${v}`);
        });
      });
    }
    expect(errors).toEqual([]);
    expect(checked).toBeGreaterThan(60_000);
    expect(planted).toBeGreaterThan(30);
  });

  it('keeps clean rows consistent: costs add up, spells end after they start, amounts in range', async () => {
    const defective = new Set(manifest.defects.map((d) => `${d.file}#${d.rowNo}`));
    const errors: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && errors.length < 20) errors.push(what);
    };
    const medical = (await readTable(dirA, 'medical_settlement.csv', 'utf-8')).slice(1);
    medical.forEach((c, i) => {
      if (!defective.has(`medical_settlement.csv#${i + 1}`)) check(Number(c[8]) + Number(c[9]) <= Number(c[7]) + 0.001, `medical #${i + 1}`);
    });
    const spells = (await readTable(dirA, 'employment.csv', 'utf-8')).slice(1);
    spells.forEach((c, i) => {
      if (!defective.has(`employment.csv#${i + 1}`) && c[5] !== '') check(c[5] >= c[4], `employment #${i + 1}`);
    });
    const contributions = (await readTable(dirA, 'contribution.csv', 'utf-8')).slice(1);
    contributions.forEach((c, i) => {
      if (defective.has(`contribution.csv#${i + 1}`)) return;
      for (const k of [4, 5, 6]) check(Number(c[k]) >= 0 && Number(c[k]) <= 1e6, `contribution #${i + 1} amount`);
      check(c[3] <= '2026-10' && c[7] <= '2026-10-31' && (c[8] === '' || c[8] < '2026-10-31'), `contribution #${i + 1} dates`);
    });
    expect(errors).toEqual([]);
  });

  it('explains every row whose person is not loaded: a cascade or a planted defect, and nothing else', async () => {
    const quarantined = (file: string) => new Set(manifest.defects.filter((d) => d.file === file && d.expected === 'quarantine').map((d) => d.rowNo));
    const personRows = (await readTable(dirA, 'person.csv', 'utf-8')).slice(1);
    const badPersonRows = quarantined('person.csv');
    const loaded = new Set<string>();
    personRows.forEach((c, i) => {
      const parsed = parseIdNumber(c[0]);
      if (!badPersonRows.has(i + 1) && parsed.ok) loaded.add(parsed.id);
    });
    const contributions = (await readTable(dirA, 'contribution.csv', 'utf-8')).slice(1);
    const defects = new Map(manifest.defects.filter((d) => d.file === 'contribution.csv').map((d) => [d.rowNo, d]));
    let cascades = 0;
    const errors: string[] = [];
    contributions.forEach((c, i) => {
      const d = defects.get(i + 1);
      const parsed = parseIdNumber(c[0]);
      const known = parsed.ok && loaded.has(parsed.id);
      if (d?.kind === 'cascade' && d.reason === 'REF_UNKNOWN_PERSON') {
        cascades++;
        if (known) errors.push(`contribution.csv#${i + 1} cascades but its person is loaded`);
      } else if (!known && !['ref_unknown_person', 'id_check_digit', 'id_scientific'].includes(d?.kind ?? '')) {
        errors.push(`contribution.csv#${i + 1} refers to an unknown person without a planted reason`);
      }
    });
    expect(errors.slice(0, 10)).toEqual([]);
    expect(cascades).toBeGreaterThan(0);
  });

  it('is shaped like a real city: age, sex, bases within 60–300% of last year’s average, summer job seekers', async () => {
    const defective = new Set(manifest.defects.map((d) => `${d.file}#${d.rowNo}`));
    const persons = (await readTable(dirA, 'person.csv', 'utf-8')).slice(1).filter((_, i) => !defective.has(`person.csv#${i + 1}`));
    const old = persons.filter((c) => Number(c[3].slice(0, 4)) <= 1966).length / persons.length;
    expect(old).toBeGreaterThan(0.18);
    expect(old).toBeLessThan(0.32);
    const men = persons.filter((c) => c[2] === '1').length / persons.length;
    expect(men).toBeGreaterThan(0.47);
    expect(men).toBeLessThan(0.54);
    const params = await readGeneratorParams(config.policyDir);
    const contributions = (await readTable(dirA, 'contribution.csv', 'utf-8')).slice(1);
    let employeeRows = 0;
    contributions.forEach((c, i) => {
      if (defective.has(`contribution.csv#${i + 1}`) || c[1] === '' || c[2] !== '110') return;
      employeeRows++;
      const avg = params.wages.averageAnnualWage[String(Number(c[3].slice(0, 4)) - 1)] / 12;
      const base = Number(c[4]);
      if (base < Math.floor(avg * 0.6) || base > Math.ceil(avg * 3)) throw new Error(`base ${base} outside 60–300% of ${avg} in row ${i + 1}`);
    });
    expect(employeeRows).toBeGreaterThan(5_000);
    const seekers = (await readTable(dirA, 'job_seeker.csv', 'utf-8')).slice(1).filter((c) => c[2] >= '2024-01-01');
    const month = (c: string[]) => Number(c[2].slice(5, 7));
    const summer = seekers.filter((c) => [6, 7, 8].includes(month(c))).length / 3;
    const lateAutumn = seekers.filter((c) => [11, 12].includes(month(c))).length / 2;
    expect(summer).toBeGreaterThan(lateAutumn * 1.3);
    const industries = new Set((await readTable(dirA, 'employer.csv', 'gbk')).slice(1).map((c) => c[2]));
    expect(industries.size).toBeGreaterThanOrEqual(12);
  });

  it('writes ground truth only for loaded persons and employers', async () => {
    const truth = readFileSync(join(dirA, 'ground-truth.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const traits = new Set(truth.map(([t]) => t));
    for (const t of ['mobile_worker', 'in_arrears', 'pensioner', 'disabled', 'flexible_worker', 'migrant_worker', 'new_employer', 'low_income_household']) expect(traits.has(t), t).toBe(true);
    const quarantinedKeys = new Set<string>();
    for (const f of ['person.csv', 'employer.csv']) {
      const rows = (await readTable(dirA, f, f === 'employer.csv' ? 'gbk' : 'utf-8')).slice(1);
      for (const d of manifest.defects) if (d.file === f && d.expected === 'quarantine' && d.kind !== 'duplicate_row') quarantinedKeys.add(rows[d.rowNo - 1][0]);
    }
    for (const [, key] of truth) expect(quarantinedKeys.has(key)).toBe(false);
    expect(new Set(truth.map((r) => r.join(','))).size).toBe(truth.length);
  });
});
