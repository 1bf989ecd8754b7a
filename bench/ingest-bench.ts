/**
 * Ingest at scale: loads a generated city (default 1 million persons) into a fresh database through the same
 * path as `renshe ingest`, and prints rows per second per file and overall, plus peak memory.
 *
 *   npx tsx bench/ingest-bench.ts [--city DIR] [--persons 1000000] [--memory 12GB] [--keep]
 * Without --city it generates the city first with `renshe generate` (timed separately).
 */
import { existsSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDuckDatabase } from '../src/platform/duckdb-database.ts';
import { ensureSchema } from '../src/platform/schema-store.ts';
import { readConfig } from '../src/platform/config.ts';
import { systemClock } from '../src/platform/clock.ts';
import { runIngest } from '../src/ingest/ingest-commands.ts';
import type { CliContext } from '../src/cli/command-kit.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const persons = Number(opt('persons', '1000000'));
const work = mkdtempSync(join(tmpdir(), 'renshe-ingest-bench-'));
const city = opt('city', join(work, 'city'));

function peakRssMiB(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
  return hwm ? Math.round(Number(hwm[1]) / 1024) : Math.round(process.resourceUsage().maxRSS / 1024);
}

if (!existsSync(join(city, 'manifest.json'))) {
  const t0 = Date.now();
  const gen = spawnSync(process.execPath, ['bin/renshe.mjs', 'generate', '--persons', String(persons), '--seed', '1', '--out', city, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (gen.status !== 0) throw new Error('generation failed');
  console.log(`generated ${persons.toLocaleString()} persons in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const config = readConfig({}, { dbPath: join(work, 'bench.duckdb') });
const db = await openDuckDatabase(config.dbPath, { memoryLimit: opt('memory', '12GB') });
await ensureSchema(db);
const ctx: CliContext = { config, clock: systemClock, interactive: false, write: () => undefined, openDb: async () => db };
const manifest = JSON.parse(readFileSync(join(city, 'manifest.json'), 'utf8')) as { files: { file: string }[] };
const started = Date.now();
let rows = 0;
console.log('file                                 rows      loaded  quarantined   seconds     rows/s  peak RSS MiB');
// One file at a time (the manifest lists them in dependency order), printed as each finishes.
for (const { file } of manifest.files) {
  const run = await runIngest(db, ctx, [join(city, file)], {});
  for (const f of run.files) {
    rows += f.rows;
    console.log(`${basename(f.file).padEnd(30)} ${String(f.rows).padStart(11)} ${String(f.loaded).padStart(11)} ${String(f.quarantined).padStart(11)} ${(f.elapsedMs / 1000).toFixed(1).padStart(9)} ${Math.round(f.rows / Math.max(f.elapsedMs / 1000, 0.001)).toLocaleString().padStart(10)} ${String(peakRssMiB()).padStart(8)}`);
  }
}
await db.close();
const seconds = (Date.now() - started) / 1000;
console.log(`total: ${rows.toLocaleString()} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString()} rows/s; peak RSS ${peakRssMiB()} MiB`);
if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
