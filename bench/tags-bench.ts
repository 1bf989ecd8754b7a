/**
 * Tags at scale: a generated city (default 1 million persons) is loaded through ingest, then the full tag
 * build (facts + every tag + snapshot) is timed, and so is the latency of segment counts over a five-tag
 * expression (median of many runs), with peak memory.
 *
 *   npx tsx bench/tags-bench.ts [--persons 1000000] [--city DIR] [--db FILE] [--load ingest|direct] [--runs 50] [--keep]
 * --db reuses an already loaded store (skips generate and load); --city reuses a generated city; --load direct
 * puts the files into the tables with read_csv (bench/tags-bench-load.ts) instead of the full ingest.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDuckDatabase } from '../src/platform/duckdb-database.ts';
import { ensureSchema } from '../src/platform/schema-store.ts';
import { readConfig } from '../src/platform/config.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { CliContext } from '../src/cli/command-kit.ts';
import { readTagCatalogue } from '../src/tags/tag-catalogue-store.ts';
import { runTagBuild } from '../src/tags/tag-build-store.ts';
import { readBuildChanges } from '../src/tags/tag-history-store.ts';
import { breakdownSegment, countSegment } from '../src/segments/segment-store.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const persons = Number(opt('persons', '1000000'));
const runs = Number(opt('runs', '50'));
const work = mkdtempSync(join(tmpdir(), 'renshe-tags-bench-'));
const city = opt('city', join(work, 'city'));
const dbPath = opt('db', join(work, 'bench.duckdb'));
const reuseDb = args.includes('--db') && existsSync(dbPath);

function peakRssMiB(): number {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return hwm ? Math.round(Number(hwm[1]) / 1024) : Math.round(process.resourceUsage().maxRSS / 1024);
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

let asOf = opt('as-of', '2026-10-31');
if (!reuseDb) {
  if (!existsSync(join(city, 'manifest.json'))) {
    const t0 = Date.now();
    const gen = spawnSync(process.execPath, ['bin/renshe.mjs', 'generate', '--persons', String(persons), '--seed', '1', '--out', city, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (gen.status !== 0) throw new Error('generation failed');
    console.log(`generated ${persons.toLocaleString()} persons in ${seconds(Date.now() - t0)}`);
  }
  asOf = (JSON.parse(readFileSync(join(city, 'manifest.json'), 'utf8')) as { asOf: string }).asOf;
}

const config = readConfig({}, { dbPath });
const db = await openDuckDatabase(dbPath);
await ensureSchema(db);
if (!reuseDb) {
  const t0 = Date.now();
  if (opt('load', 'ingest') === 'direct') {
    const { loadCityDirect } = await import('./tags-bench-load.ts');
    const loaded = await loadCityDirect(db, city);
    console.log(`loaded directly (read_csv) in ${seconds(Date.now() - t0)}: ${JSON.stringify(loaded)} (peak RSS so far ${peakRssMiB()} MiB)`);
  } else {
    const { runIngest } = await import('../src/ingest/ingest-commands.ts');
    const ctx: CliContext = { config, clock: systemClock, interactive: false, write: () => undefined, openDb: async () => db };
    const ingest = await runIngest(db, ctx, [city], {});
    console.log(`ingested ${ingest.totals.loaded.toLocaleString()} rows in ${seconds(Date.now() - t0)} (peak RSS so far ${peakRssMiB()} MiB)`);
  }
}
const [{ n: personRows }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM person');
const [{ n: contributionRows }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM contribution');
console.log(`store: ${personRows.toLocaleString()} persons, ${contributionRows.toLocaleString()} contribution rows`);

const catalogue = readTagCatalogue();
const rssBefore = peakRssMiB();
const build = await runTagBuild(db, catalogue, { asOf }, systemClock);
const e = build.elapsedMs;
console.log(`tag build #${build.buildId} as of ${asOf}: ${build.tags.length} tags over ${build.persons.toLocaleString()} persons and ${build.employers.toLocaleString()} employers`);
console.log(`  facts ${seconds(e.facts)}, tags ${seconds(e.tags)}, snapshot ${seconds(e.snapshot)}, total ${seconds(e.total)} (peak RSS ${peakRssMiB()} MiB, before the build ${rssBefore} MiB)`);
for (const t of build.tags.filter((x) => ['mobile_worker', 'in_arrears', 'contributions_interrupted', 'under_60', 'pensioner', 'employer_grade_c'].includes(x.code))) {
  console.log(`  ${t.code.padEnd(28)} ${t.members.toLocaleString().padStart(10)}`);
}

const second = await runTagBuild(db, catalogue, { asOf }, systemClock);
const t0 = performance.now();
await readBuildChanges(db, second.buildId);
console.log(`second build ${seconds(second.elapsedMs.total)}; changes against the previous build read in ${(performance.now() - t0).toFixed(0)} ms`);

const expr = '(tag:mobile_worker or tag:contributions_interrupted or tag:in_arrears) and tag:under_60 and not tag:pensioner';
const spec = { expr, regions: [] as string[] };
for (let i = 0; i < 3; i++) await countSegment(db, catalogue, spec);
const wall: number[] = [];
const sql: number[] = [];
let count = 0;
for (let i = 0; i < runs; i++) {
  const s = performance.now();
  const r = await countSegment(db, catalogue, spec);
  wall.push(performance.now() - s);
  sql.push(r.elapsedMs);
  count = r.count;
}
console.log(`count "${expr}" = ${count.toLocaleString()}`);
console.log(`  median ${median(wall).toFixed(1)} ms end to end (p95 ${p95(wall).toFixed(1)} ms), median ${median(sql).toFixed(1)} ms in the SQL, ${runs} runs`);
const regional = { expr, regions: ['510104', '510107'] };
const rwall: number[] = [];
for (let i = 0; i < runs; i++) {
  const s = performance.now();
  await countSegment(db, catalogue, regional);
  rwall.push(performance.now() - s);
}
console.log(`  with two districts: median ${median(rwall).toFixed(1)} ms`);
const withFact = { expr: `${expr} and months_since_last_contribution >= 3`, regions: [] as string[] };
const fwall: number[] = [];
for (let i = 0; i < runs; i++) {
  const s = performance.now();
  await countSegment(db, catalogue, withFact);
  fwall.push(performance.now() - s);
}
console.log(`  and a fact condition (facts paired positionally): median ${median(fwall).toFixed(1)} ms (p95 ${p95(fwall).toFixed(1)} ms)`);
const bwall: number[] = [];
for (let i = 0; i < 10; i++) {
  const s = performance.now();
  await breakdownSegment(db, catalogue, spec);
  bwall.push(performance.now() - s);
}
console.log(`breakdown by region, age band and sex: median ${median(bwall).toFixed(1)} ms`);
await db.close();
console.log(`peak RSS ${peakRssMiB()} MiB; database ${(statSync(dbPath).size / 2 ** 30).toFixed(2)} GiB`);
if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
