import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeIdNumber } from '../../src/identity/id-number.ts';
import { openDuckDatabase } from '../../src/platform/duckdb-database.ts';
import { runCli, spawnCli } from '../support/run-cli.ts';

const ROWS = 400_000;

async function writePersons(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('公民身份号码,姓名,性别,出生日期,户籍地区划,户口性质\n');
  for (let i = 0; i < ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const birth = `${1950 + (i % 50)}-0${1 + (i % 9)}-${day}`;
    const seq = Math.floor(i / 6300) * 2 + 1 + (i % 2);
    const id = makeIdNumber('510104', birth, seq % 1000);
    if (!out.write(`${id},测试${i},${seq % 2 === 1 ? '1' : '2'},${birth},510104,urban\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('a load killed mid-file', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'renshe-crash-'));
    file = join(dir, 'persons.csv');
    await writePersons(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the store as it was, and the next load completes', async () => {
    const db = join(dir, 'crash.duckdb');
    const child = spawnCli(['ingest', file, '--trace', '--db', db]);
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (d) => {
        stderr += d;
        if (stderr.includes(': writing')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('close', () => reject(new Error(`ingest ended before writing: ${stderr}`)));
    });
    await once(child, 'close');

    const store = await openDuckDatabase(db);
    const [{ n }] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM person`);
    const [{ b }] = await store.query<{ b: number }>(`SELECT count(*) AS b FROM load_batch`);
    const [{ q }] = await store.query<{ q: number }>(`SELECT count(*) AS q FROM quarantine`);
    await store.close();
    expect({ n, b, q }).toEqual({ n: 0, b: 0, q: 0 });

    const again = await runCli(['ingest', file, '--db', db, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as { files: { rows: number; loaded: number; quarantined: number }[] };
    expect(summary.files[0].rows).toBe(ROWS);
    expect(summary.files[0].loaded + summary.files[0].quarantined).toBe(ROWS);
  }, 120_000);
});
