/**
 * Per-statement profile of ingest: loads the named files of a generated city into a fresh database and prints
 * the slowest statements of each file.
 *   npx tsx bench/ingest-profile.ts --city DIR [--memory 12GB] [--top 12] person.csv employer.csv contribution.csv
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDatabase } from '../src/platform/duckdb-database.ts';
import { ensureSchema } from '../src/platform/schema-store.ts';
import { systemClock } from '../src/platform/clock.ts';
import { ingestFiles } from '../src/ingest/ingest-store.ts';
import { loadReferenceTables } from '../src/reference/reference-store.ts';
import { readConfig } from '../src/platform/config.ts';
import { timeStatements, type StatementTiming } from './timed-database.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const city = opt('city', '');
const memory = opt('memory', '12GB');
const top = Number(opt('top', '12'));
const work = mkdtempSync(join(tmpdir(), 'renshe-ingest-profile-'));
const db = await openDuckDatabase(join(work, 'p.duckdb'), { memoryLimit: memory });
await ensureSchema(db);
await loadReferenceTables(db, readConfig({}, {}).sharedDataDir);
try {
  for (const file of args) {
    const timings: StatementTiming[] = [];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const [s] = await ingestFiles(timeStatements(db, timings), [join(city, file)], { actor: 'bench', clock: systemClock });
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.log(`\n${file}: ${s.rows.toLocaleString()} rows, loaded ${s.loaded}, quarantined ${s.quarantined}; ${wall.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, ${Math.round(s.rows / wall).toLocaleString()} rows/s`);
    for (const t of [...timings].sort((a, b) => b.ms - a.ms).slice(0, top)) {
      console.log(`${(t.ms / 1000).toFixed(3).padStart(8)} s  ${t.sql.slice(0, 150)}`);
    }
  }
} finally {
  await db.close();
  rmSync(work, { recursive: true, force: true });
}
