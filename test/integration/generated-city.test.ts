import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aTempDb } from '../support/temp-db.ts';
import { runCli } from '../support/run-cli.ts';

interface Manifest {
  files: { file: string; entity: string; rows: number }[];
  defects: { file: string; entity: string; rowNo: number; kind: string; field?: string; expected: 'quarantine' | 'repair'; reason: string }[];
}

interface Summary {
  files: { file: string; entity: string; status: string; rows: number; loaded: number; quarantined: number; loadId: number }[];
  totals: { rows: number; loaded: number; quarantined: number };
}

/**
 * The generator plants defects and records each in its manifest; ingest must quarantine exactly those rows with
 * the planted reason, repair the repairable ones, and load every other row.
 */
describe('a generated city loads with nothing lost', () => {
  let t: Awaited<ReturnType<typeof aTempDb>>;
  let manifest: Manifest;
  let first: Summary;
  const city = () => join(t.dir, 'city');

  beforeAll(async () => {
    t = await aTempDb();
    await t.db.close();
    const gen = await runCli(['generate', '--persons', '1500', '--seed', '7', '--out', city(), '--defect-rate', '0.02', '--json']);
    expect(gen.code, gen.stdout + gen.stderr).toBe(0);
    manifest = JSON.parse(readFileSync(join(city(), 'manifest.json'), 'utf8'));
    const run = await runCli(['ingest', city(), '--db', t.path, '--json']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    first = JSON.parse(run.stdout);
  }, 300_000);
  afterAll(async () => t.dispose().catch(() => undefined));

  it('reads every row of every file and accounts for each one', () => {
    expect(first.files.map((f) => f.file.split('/').pop()).sort()).toEqual(manifest.files.map((f) => f.file).sort());
    for (const f of first.files) {
      const planned = manifest.files.find((m) => f.file.split('/').pop() === m.file)!;
      expect(f.rows, f.file).toBe(planned.rows);
      expect(f.loaded + f.quarantined, f.file).toBe(f.rows);
    }
  });

  it('quarantines every planted defect with the planted reason, and nothing else', async () => {
    const { openDuckDatabase } = await import('../../src/platform/duckdb-database.ts');
    const db = await openDuckDatabase(t.path);
    try {
      const rows = await db.query<{ file: string; row_no: number; reason: string; all_reasons: string[] }>(
        `SELECT file, row_no, reason, all_reasons FROM quarantine`,
      );
      const got = new Map(rows.map((r) => [`${r.file}#${r.row_no}`, r]));
      const expectedQuarantine = manifest.defects.filter((d) => d.expected === 'quarantine');
      expect(expectedQuarantine.length).toBeGreaterThan(20);
      const missed = expectedQuarantine.filter((d) => !got.has(`${d.file}#${d.rowNo}`));
      expect(missed, 'planted defects that were loaded').toEqual([]);
      const wrongReason = expectedQuarantine
        .map((d) => ({ d, q: got.get(`${d.file}#${d.rowNo}`)! }))
        .filter(({ d, q }) => !q.all_reasons.includes(d.reason))
        .map(({ d, q }) => `${d.file}#${d.rowNo} planted ${d.reason} got ${q.all_reasons.join('+')}`);
      expect(wrongReason).toEqual([]);
      const planted = new Set(expectedQuarantine.map((d) => `${d.file}#${d.rowNo}`));
      const unexplained = rows.filter((r) => !planted.has(`${r.file}#${r.row_no}`)).map((r) => `${r.file}#${r.row_no} ${r.reason}`);
      expect(unexplained, 'clean rows that were quarantined').toEqual([]);
      const repairs = manifest.defects.filter((d) => d.expected === 'repair');
      expect(repairs.length).toBeGreaterThan(5);
      expect(repairs.filter((d) => got.has(`${d.file}#${d.rowNo}`))).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('changes no count when the same files are loaded again', { timeout: 300_000 }, async () => {
    const again = await runCli(['ingest', city(), '--db', t.path, '--json']);
    const second = JSON.parse(again.stdout) as Summary;
    expect(second.files.every((f) => f.status === 'unchanged')).toBe(true);
    const forced = await runCli(['ingest', city(), '--db', t.path, '--json', '--force']);
    const third = JSON.parse(forced.stdout) as Summary;
    expect(third.totals.loaded).toBe(first.totals.loaded);
    const { openDuckDatabase } = await import('../../src/platform/duckdb-database.ts');
    const db = await openDuckDatabase(t.path);
    try {
      for (const f of first.files) {
        const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${f.entity}`);
        const loadedOnce = first.files.filter((x) => x.entity === f.entity).reduce((a, x) => a + x.loaded, 0);
        expect(n, f.entity).toBe(loadedOnce);
      }
    } finally {
      await db.close();
    }
  });
});
