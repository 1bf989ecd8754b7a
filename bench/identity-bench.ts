/**
 * Throughput of the identity SQL macros on 1M rows (npx tsx bench/identity-bench.ts [rows]).
 * Inputs: 90% valid 18-character IDs, 5% legacy 15-digit IDs, 5% mutated IDs; valid credit codes; mobiles with a
 * +86 prefix (the slow path). Each macro is timed in a plain projection and inside CASE (as ingest calls it);
 * best of 3 wall times, and the process CPU time of that run (DuckDB threads included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDatabase } from '../src/platform/duckdb-database.ts';
import { seededRandom } from '../src/platform/clock.ts';
import { installIdentityMacros } from '../src/identity/identity-macros-store.ts';
import { downgradeToLegacy, makeIdNumber } from '../src/identity/id-number.ts';
import { makeCreditCode } from '../src/identity/credit-code.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'renshe-identity-bench-'));
const db = await openDuckDatabase(join(dir, 'bench.duckdb'));
try {
  await installIdentityMacros(db);
  const rnd = seededRandom('identity-bench');
  const ids: string[] = new Array(rows);
  const ccs: string[] = new Array(rows);
  const phones: string[] = new Array(rows);
  const regions = ['110105', '510104', '440524', '320102', '350100'];
  for (let i = 0; i < rows; i++) {
    const birth = `${rnd.int(1930, 2005)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    const id = makeIdNumber(rnd.pick(regions), birth, rnd.int(0, 999));
    const roll = rnd.next();
    ids[i] = roll < 0.9 ? id : roll < 0.95 ? (downgradeToLegacy(id) ?? id) : id.slice(0, 10) + '9' + id.slice(11);
    ccs[i] = makeCreditCode('9', '1', rnd.pick(regions), String(rnd.int(10_000_000, 99_999_999)));
    phones[i] = `+86 13${rnd.int(0, 9)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`;
  }
  await db.run('CREATE TABLE bench_input (id VARCHAR, cc VARCHAR, phone VARCHAR)');
  await db.append('bench_input', [
    { name: 'id', type: 'VARCHAR', values: ids },
    { name: 'cc', type: 'VARCHAR', values: ccs },
    { name: 'phone', type: 'VARCHAR', values: phones },
  ]);
  const [{ threads }] = await db.query<{ threads: string }>(`SELECT current_setting('threads') AS threads`);
  console.log(`rows=${rows} threads=${threads}`);
  const cases: Array<[string, string]> = [
    ['renshe_id_reason', 'renshe_id_reason(id)'],
    ['renshe_id_normalise', 'renshe_id_normalise(id)'],
    ['renshe_credit_reason', 'renshe_credit_reason(cc)'],
    ['renshe_credit_normalise', 'renshe_credit_normalise(cc)'],
    ['renshe_mobile_normalise', 'renshe_mobile_normalise(phone)'],
    ['baseline length(id)', 'length(id)'],
  ];
  for (const [name, expr] of cases) {
    for (const [context, e] of [['plain', expr], ['in CASE', `CASE WHEN id IS NULL THEN NULL ELSE ${expr} END`]]) {
      const sql = `SELECT count(${e}) AS n FROM bench_input`;
      await db.query(sql); // warm-up
      let best = { wall: Infinity, cpu: 0, n: 0 };
      for (let r = 0; r < 3; r++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const [{ n }] = await db.query<{ n: number }>(sql);
        const wall = performance.now() - t0;
        const c = process.cpuUsage(c0);
        if (wall < best.wall) best = { wall, cpu: (c.user + c.system) / 1000, n };
      }
      console.log(
        `${name.padEnd(24)} ${context.padEnd(8)} ${best.wall.toFixed(0).padStart(6)} ms  ` +
          `${((rows / best.wall) * 1000 / 1e6).toFixed(2).padStart(6)} M rows/s  cpu ${best.cpu.toFixed(0).padStart(6)} ms  (non-null ${best.n})`,
      );
    }
  }
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
