/**
 * Synthetic-city generation speed and memory (npx tsx bench/generate-bench.ts [persons] [--keep]).
 * Generates the default city (510100, as of 2026-10-31, 36 months, 1% defects) into a temp folder and prints
 * rows per second per file and overall (every file is written concurrently, so per-file figures share the one
 * elapsed time), the bytes written and the peak resident memory. The folder is removed unless --keep.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../src/platform/config.ts';
import { readGeneratorParams, writeCity } from '../src/generate/generate-store.ts';
import { readGenerateInputs } from '../src/generate/generate-inputs-store.ts';

const persons = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const keep = process.argv.includes('--keep');
const config = readConfig({});
const out = mkdtempSync(join(tmpdir(), 'renshe-generate-bench-'));

const params = await readGeneratorParams(config.policyDir);
const inputs = await readGenerateInputs(config.sharedDataDir, params, '510100');
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let lastReport = t0;
const summary = await writeCity(out, inputs, { persons, seed: 1, asOf: '2026-10-31', months: 36, defectRate: params.defects.defaultRate, region: '510100' }, {
  progress: (done, total) => {
    const now = performance.now();
    if (now - lastReport > 10_000) {
      lastReport = now;
      console.error(`  ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} persons, ${((now - t0) / 1000).toFixed(0)} s, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
    }
  },
});
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const total = summary.files.reduce((s, f) => s + f.rows, 0);
let bytes = 0;
console.log(`generate ${persons.toLocaleString('en-US')} persons → ${out}`);
console.log(`${'file'.padEnd(28)} ${'rows'.padStart(12)} ${'MiB'.padStart(8)} ${'rows/s'.padStart(12)}`);
for (const f of summary.files) {
  const size = statSync(join(out, f.file)).size;
  bytes += size;
  console.log(`${f.file.padEnd(28)} ${f.rows.toLocaleString('en-US').padStart(12)} ${(size / 2 ** 20).toFixed(1).padStart(8)} ${Math.round(f.rows / seconds).toLocaleString('en-US').padStart(12)}`);
}
console.log(`${'all files'.padEnd(28)} ${total.toLocaleString('en-US').padStart(12)} ${(bytes / 2 ** 20).toFixed(1).padStart(8)} ${Math.round(total / seconds).toLocaleString('en-US').padStart(12)}`);
console.log(`persons incl. newborns ${summary.personRows.toLocaleString('en-US')}, employers ${summary.employers.toLocaleString('en-US')}, defects+cascades ${summary.defects.toLocaleString('en-US')}, ground-truth rows ${summary.truthRows.toLocaleString('en-US')}`);
console.log(`elapsed ${seconds.toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
if (!keep) rmSync(out, { recursive: true, force: true });
