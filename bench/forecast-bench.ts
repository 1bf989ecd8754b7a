/**
 * End-to-end speed of batch forecasting: 1,000 synthetic monthly series of 100–150 points (trend + season +
 * noise, seeded) written to a temporary CSV and run through `renshe forecast --model auto` as a user would.
 * Run: npx tsx bench/forecast-bench.ts [--series 1000] [--model auto] [--workers N]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seededRandom } from '../src/platform/clock.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const seriesCount = Number(arg('series', '1000'));
const model = arg('model', 'auto');
const workers = arg('workers', String(availableParallelism()));

export function syntheticMonthlyCsv(count: number, seed: number): string {
  const r = seededRandom(seed);
  const lines = ['series_id,period,value'];
  for (let i = 0; i < count; i++) {
    const n = r.int(100, 150);
    const level = 50 + r.next() * 5000;
    const slope = (r.next() - 0.3) * level * 0.01;
    const amplitude = r.next() * 0.3 * level;
    const phase = r.next() * 2 * Math.PI;
    const noise = (0.02 + r.next() * 0.1) * level;
    const startYear = 2026 - Math.ceil(n / 12);
    for (let t = 0; t < n; t++) {
      const v = level + slope * t + amplitude * Math.sin((2 * Math.PI * t) / 12 + phase) + noise * r.normal();
      const month = t % 12;
      lines.push(`S${String(i).padStart(4, '0')},${startYear + Math.floor(t / 12)}-${String(month + 1).padStart(2, '0')},${v.toFixed(3)}`);
    }
  }
  return lines.join('\n') + '\n';
}

const dir = mkdtempSync(join(tmpdir(), 'renshe-forecast-bench-'));
try {
  const input = join(dir, 'series.csv');
  const output = join(dir, 'forecast.csv');
  writeFileSync(input, syntheticMonthlyCsv(seriesCount, 20261125));
  const cli = resolve(import.meta.dirname, '../bin/renshe.mjs');
  const started = performance.now();
  const stdout = execFileSync('node', [cli, 'forecast', '--input', input, '--horizon', '12', '--output', output, '--model', model, '--workers', workers, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = (performance.now() - started) / 1000;
  const summary = JSON.parse(stdout) as { series: number; fitted: number; failed: number; seconds: number; cpuSeconds: number; seriesPerSecond: number; models: Record<string, number> };
  const rows = readFileSync(output, 'utf8').trim().split('\n').length - 1;
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`);
  console.log(`series: ${summary.series}, fitted: ${summary.fitted}, failed: ${summary.failed}, output rows: ${rows}`);
  console.log(`model: ${model}, workers: ${workers}`);
  console.log(`wall time incl. process start: ${wall.toFixed(2)} s; inside the command: ${summary.seconds.toFixed(2)} s`);
  console.log(`series/s (command): ${summary.seriesPerSecond}; series/s (end to end): ${(summary.series / wall).toFixed(1)}`);
  // CPU time does not depend on what else the machine is doing; wall time does.
  console.log(`CPU time of the command (all threads): ${summary.cpuSeconds.toFixed(1)} s = ${((1000 * summary.cpuSeconds) / summary.series).toFixed(1)} ms per series; load average now ${loadavg().map((v) => v.toFixed(1)).join(' ')}`);
  console.log(`chosen models: ${JSON.stringify(summary.models)}`);
  console.log(`target: under 20 s end to end on 2 cores → ${wall < 20 ? 'met' : 'NOT met'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
