import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli/main.ts';
import type { CliContext } from '../../src/cli/command-kit.ts';
import { readConfig } from '../../src/platform/config.ts';
import { fixedClock, seededRandom } from '../../src/platform/clock.ts';

/** A monthly series of `n` points from 2020-01 with trend, season and noise. */
function aMonthlySeries(id: string, n: number, seed: number): string[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, t) => {
    const v = 100 + t + 10 * Math.sin((2 * Math.PI * t) / 12) + r.normal();
    return `${id},${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},${v.toFixed(2)}`;
  });
}

describe('renshe forecast (batch CLI)', () => {
  let dir: string;
  let output: string[] = [];
  const run = async (args: string[]) => {
    output = [];
    const ctx: CliContext = {
      config: readConfig({}, { dbPath: ':memory:' }),
      clock: fixedClock('2026-10-31T00:00:00Z'),
      interactive: false,
      write: (text) => output.push(text),
      openDb: () => Promise.reject(new Error('forecast needs no database')),
    };
    process.exitCode = undefined;
    await buildProgram(ctx).parseAsync(['node', 'renshe', ...args]);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'renshe-forecast-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('forecasts every good series on worker threads, reports bad rows by line and skips unfittable series', async () => {
    const lines = ['series_id,period,value'];
    // 30 series, enough for the worker pool (small jobs run in-process).
    for (let i = 0; i < 30; i++) lines.push(...aMonthlySeries(`district-${i}`, 40, i));
    const badStart = lines.length + 1;
    lines.push('district-0,2023-05,not-a-number'); // after the series' end: reported, never interpolated
    lines.push('district-1,2023-13,5');
    lines.push(',2023-06,5');
    lines.push('tiny,2024-01,1', 'tiny,2024-02,2');
    const input = join(dir, 'in.csv');
    const out = join(dir, 'out.csv');
    writeFileSync(input, lines.join('\n'));
    await run(['forecast', '--input', input, '--horizon', '6', '--output', out, '--model', 'ets', '--level', '80,95', '--workers', '2', '--json']);
    expect(process.exitCode ?? 0).toBe(0);
    const summary = JSON.parse(output.join(''));
    expect(summary).toMatchObject({ series: 31, fitted: 30, failed: 1, badRows: 3 });
    expect(summary.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [badStart, 'VALUE_INVALID'],
      [badStart + 1, 'PERIOD_INVALID'],
      [badStart + 2, 'SERIES_ID_MISSING'],
    ]);
    expect(summary.failures[0]).toMatchObject({ seriesId: 'tiny', code: 'SERIES_TOO_SHORT' });
    const csv = readFileSync(out, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('series_id,period,step,model,forecast,lo80,hi80,lo95,hi95');
    expect(csv).toHaveLength(1 + 30 * 6);
    const first = csv[1].split(',');
    // 40 months from 2020-01 end in 2023-04, so the first forecast is for 2023-05.
    expect(first.slice(0, 3)).toEqual(['district-0', '2023-05', '1']);
    for (const row of csv.slice(1)) {
      const cells = row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      const [f, lo80, hi80, lo95, hi95] = cells.slice(4).map(Number);
      expect(lo95 <= lo80 && lo80 <= f && f <= hi80 && hi80 <= hi95).toBe(true);
    }
  });

  it('refuses an unknown model with a bilingual message and exit code 2', async () => {
    const input = join(dir, 'one.csv');
    writeFileSync(input, ['series_id,period,value', ...aMonthlySeries('x', 30, 1)].join('\n'));
    await run(['forecast', '--input', input, '--horizon', '3', '--output', join(dir, 'o.csv'), '--model', 'crystal-ball']);
    expect(process.exitCode).toBe(2);
    expect(output.join('\n')).toContain('未知的预测模型');
    expect(output.join('\n')).toContain('Unknown forecasting model');
    process.exitCode = undefined;
  });
});
