import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDatabase } from '../../src/platform/duckdb-database.ts';
import { ensureSchema } from '../../src/platform/schema-store.ts';
import { runCli } from '../support/run-cli.ts';
import { insert, type RowOf } from './tags-builders.ts';
import { monthList } from './forecast-city.ts';

/**
 * A planted macro history for 成都 (unemployment 510100, Sichuan CPI 510000 as "same month last year = 100"),
 * 2019-01 … 2025-12:
 * - early 2020 a slowdown: unemployment jumps 5.0 → 6.2 while inflation falls from its 3.0 peak;
 * - then unemployment drifts down to 4.4, and inflation climbs 1.5 → 3.5 in the last quarter of 2024 and again
 *   of 2025. 3.5% is above a 2% target + 1 band but not a 3% target + 1, so only the month judged under the 2%
 *   target (2025-12) is overheating.
 */
function aMacroHistory(): { unemployment: Map<string, number>; inflation: Map<string, number> } {
  const months = monthList('2019-01', 84);
  const unemployment = new Map<string, number>();
  const inflation = new Map<string, number>();
  const jump: Record<string, number> = { '2020-02': 5.5, '2020-03': 6.0, '2020-04': 6.2 };
  const ramp: Record<string, number> = { '10': 2.5, '11': 3.0, '12': 3.5 };
  months.forEach((m, i) => {
    let u = 5.0;
    if (jump[m] !== undefined) u = jump[m];
    else if (m >= '2020-05' && m <= '2022-12') u = 6.2 - (1.2 * (i - 16)) / 32;
    else if (m >= '2023-01') u = 5.0 - (0.6 * (i - 48)) / 35;
    unemployment.set(m, Number(u.toFixed(3)));
    let pi = 1.5;
    if (m < '2020-01') pi = 2.5;
    else if (m <= '2020-03') pi = { '2020-01': 3.0, '2020-02': 2.5, '2020-03': 2.0 }[m] as number;
    else if (m >= '2024-10' && m.slice(5) in ramp) pi = ramp[m.slice(5)];
    inflation.set(m, pi);
  });
  return { unemployment, inflation };
}

async function aMacroDb(path: string): Promise<void> {
  const db = await openDuckDatabase(path, { threads: 1 });
  try {
    await ensureSchema(db);
    const { unemployment, inflation } = aMacroHistory();
    const rows: RowOf[] = [];
    for (const [m, u] of unemployment) rows.push({ indicator: 'REGISTERED_UNEMPLOYMENT_RATE', region: '510100', period: `${m}-01`, value: u });
    for (const [m, pi] of inflation) rows.push({ indicator: 'CPI', region: '510000', period: `${m}-01`, value: Number((100 + pi).toFixed(1)) });
    await insert(db, 'macro_indicator', rows);
  } finally {
    await db.close();
  }
}

describe('renshe macro phillips | signal (real CLI)', () => {
  let dir: string;
  let db: string;
  const cli = (...args: string[]) => runCli([...args, '--db', db]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'renshe-macro-cli-'));
    db = join(dir, 'macro.duckdb');
    await aMacroDb(db);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the Phillips points, the fit and rolling slopes, limited to --from … --to', async () => {
    const json = await cli('macro', 'phillips', '--region', '510100', '--from', '2020-01', '--to', '2022-12', '--window', '24', '--json');
    expect(json.code, json.stdout + json.stderr).toBe(0);
    const view = JSON.parse(json.stdout);
    expect(view.cpiForm).toBe('yoy-index');
    expect(view.sources).toEqual({ unemployment: 'macro_indicator REGISTERED_UNEMPLOYMENT_RATE 510100', cpi: 'macro_indicator CPI 510000' });
    expect(view.points).toHaveLength(36);
    expect(view.points[0]).toEqual({ period: '2020-01', unemployment: 5, inflation: 3 });
    expect(view.fit.n).toBe(36);
    expect(view.rolling.map((r: { to: string }) => r.to)).toEqual(['2021-12', '2022-12']);

    const text = await cli('macro', 'phillips', '--from', '2024-01');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('滚动斜率 Rolling slopes');
    expect(text.stdout).toContain('2025-12');
    expect(text.stdout).not.toContain('2023-12');
    expect(text.stdout).toContain('R²');
  }, 60_000);

  it('reads the early-2020 jump as a slowdown, with its reasons', async () => {
    const res = await cli('macro', 'signal', '--from', '2020-03', '--to', '2020-04', '--json');
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const body = JSON.parse(res.stdout);
    expect(body.months.map((m: { period: string; signal: string }) => [m.period, m.signal])).toEqual([['2020-03', 'slowdown'], ['2020-04', 'slowdown']]);
    expect(body.latest.facts.inflationMomentum).toBe('falling');
    expect(body.latest.reasonsZh.join('')).toContain('萨姆指标');

    // The same 3.5% inflation in a tight market: on target under 2024's 3% (± 1), overheating under 2025's 2%.
    const years = JSON.parse((await cli('macro', 'signal', '--from', '2024-12', '--to', '2025-12', '--json')).stdout);
    const byMonth = new Map(years.months.map((m: { period: string }) => [m.period, m]));
    expect(byMonth.get('2024-12')).toMatchObject({ inflation: 3.5, signal: 'neutral', target: { inflationTarget: 3, effectiveFrom: '2021-01-01' } });
    expect(byMonth.get('2025-12')).toMatchObject({ inflation: 3.5, signal: 'overheating', target: { inflationTarget: 2, effectiveFrom: '2025-01-01' } });

    const text = await cli('macro', 'signal');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('经济信号 Economy signal');
    expect(text.stdout).toMatch(/2025-12：过热/);
    expect(text.stdout).toContain('目标 2% ± 1（2025-01-01 起）');
    expect(text.stdout).toContain('2025-01');
    expect(text.stdout).not.toContain('2024-12');
  }, 60_000);

  it('refuses bad flags with a bilingual message', async () => {
    const res = await cli('macro', 'signal', '--from', '2020-13');
    expect(res.code).toBe(2);
    expect(res.stdout).toContain('--from 应为 YYYY-MM');
  }, 60_000);
});
