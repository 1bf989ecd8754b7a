import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../support/run-cli.ts';

/** The shipped CLI is the esbuild bundle in dist/cli/: it must run, forecast worker threads included. */
describe('CLI bundle (scripts/build-cli.mjs)', () => {
  it('builds, answers --help, and forecasts with worker threads from the bundle', () => {
    // Built beside the real bundle, not over it: other test files run the CLI at the same time.
    const outdir = `dist/cli-test-${process.pid}`;
    execFileSync(process.execPath, ['scripts/build-cli.mjs', outdir], { cwd: projectRoot });
    const dir = mkdtempSync(join(tmpdir(), 'renshe-bundle-'));
    // A script file rather than `node -e`: worker threads inherit the flags, and `--input-type` breaks them.
    const launcher = join(dir, 'launch.mjs');
    writeFileSync(launcher, `const { main } = await import(${JSON.stringify(join(projectRoot, outdir, 'main.mjs'))});\nawait main(process.argv);\n`);
    const runBundle = (args: string[]) => execFileSync(process.execPath, [launcher, ...args], { cwd: projectRoot, encoding: 'utf8' });
    try {
      expect(runBundle(['--help'])).toContain('forecast');
      const lines = ['series_id,period,value'];
      // More series than the pool runs inline, so the bundled worker file is loaded.
      for (let s = 0; s < 40; s++) for (let t = 0; t < 36; t++) lines.push(`S${s},${2023 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},${100 + s + t + 5 * Math.sin(t)}`);
      writeFileSync(join(dir, 'in.csv'), lines.join('\n') + '\n');
      const out = JSON.parse(runBundle(['forecast', '--input', join(dir, 'in.csv'), '--horizon', '3', '--output', join(dir, 'out.csv'), '--model', 'ets', '--workers', '2', '--json'])) as { fitted: number };
      expect(out.fitted).toBe(40);
      expect(readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 40 * 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(projectRoot, outdir), { recursive: true, force: true });
    }
  }, 60_000);
});
