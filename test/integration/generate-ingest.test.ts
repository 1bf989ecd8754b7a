import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/platform/config.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/database.ts';
import { openDuckDatabase } from '../../src/platform/duckdb-database.ts';
import { ensureSchema } from '../../src/platform/schema-store.ts';
import { loadReferenceTables } from '../../src/reference/reference-store.ts';
import { ingestFiles, type FileSummary } from '../../src/ingest/ingest-store.ts';
import { readGeneratorParams, writeCity } from '../../src/generate/generate-store.ts';
import { readGenerateInputs } from '../../src/generate/generate-inputs-store.ts';
import type { DefectRecord } from '../../src/generate/row-emitter.ts';

const config = readConfig({});
let dir: string;
let db: Database;
let summaries: FileSummary[];
let manifest: { files: { file: string; rows: number }[]; defects: DefectRecord[] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'renshe-gen-ingest-'));
  const params = await readGeneratorParams(config.policyDir);
  const inputs = await readGenerateInputs(config.sharedDataDir, params, '510100');
  await writeCity(dir, inputs, { persons: 500, seed: 5, asOf: '2026-10-31', months: 36, defectRate: 0.03, region: '510100' });
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  db = await openDuckDatabase(join(dir, 'city.duckdb'), {});
  await ensureSchema(db);
  await loadReferenceTables(db, config.sharedDataDir);
  summaries = await ingestFiles(db, manifest.files.map((f) => join(dir, f.file)), { actor: 'test', clock: fixedClock('2026-11-20T00:00:00Z') });
}, 300_000);

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a generated city through ingest', () => {
  it('reads every row of every file', () => {
    for (const f of manifest.files) {
      const s = summaries.find((x) => x.file.endsWith(`/${f.file}`))!;
      expect(s.status, f.file).toBe('loaded');
      expect(s.rows, f.file).toBe(f.rows);
      expect(s.loaded + s.quarantined, f.file).toBe(s.rows);
    }
  });

  it('quarantines exactly the planted defects and cascades, each with the manifest’s reason', async () => {
    const rows = await db.query<{ file: string; row_no: number; reason: string }>(`SELECT file, row_no, reason FROM quarantine`);
    const got = new Map(rows.map((r) => [`${r.file}#${r.row_no}`, r.reason]));
    const expected = new Map(manifest.defects.filter((d) => d.expected === 'quarantine').map((d) => [`${d.file}#${d.rowNo}`, d.reason]));
    const problems: string[] = [];
    for (const [k, reason] of expected) if (got.get(k) !== reason) problems.push(`${k}: expected ${reason}, got ${got.get(k) ?? 'loaded'}`);
    for (const [k, reason] of got) if (!expected.has(k)) problems.push(`${k}: unexpected ${reason}`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(expected.size).toBeGreaterThan(200);
    const cascadeReasons = new Set(manifest.defects.filter((d) => d.kind === 'cascade').map((d) => d.reason));
    expect(cascadeReasons.has('REF_UNKNOWN_PERSON')).toBe(true);
    for (const r of cascadeReasons) expect(['REF_UNKNOWN_PERSON', 'REF_UNKNOWN_EMPLOYER', 'REF_UNKNOWN_COURSE']).toContain(r);
  });

  it('repairs exactly the planted repairable rows', () => {
    for (const f of manifest.files) {
      const s = summaries.find((x) => x.file.endsWith(`/${f.file}`))!;
      const planted: Record<string, number> = {};
      for (const d of manifest.defects) if (d.file === f.file && d.expected === 'repair') planted[d.reason] = (planted[d.reason] ?? 0) + 1;
      expect(s.repairs, f.file).toEqual(planted);
    }
  });
});
