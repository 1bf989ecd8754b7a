import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runCli } from '../support/run-cli.ts';
import { makeIdNumber } from '../../src/identity/id-number.ts';
import { makeCreditCode } from '../../src/identity/credit-code.ts';

const person = makeIdNumber('510104', '1979-09-09', 17);
const employer = makeCreditCode('9', '1', '510104', '33333333');
const personsHeader = '公民身份号码,姓名,性别,出生日期,户籍地区划,户口性质';
const contribHeader = '身份证号码,统一社会信用代码,险种类型,费款所属期,缴费基数,单位缴费金额,个人缴费金额,应缴日期,实缴日期,参保地区划';

describe('renshe quarantine: list, explain, export, fix, retry', () => {
  let dir: string;
  let db: string;
  const cli = (...args: string[]) => runCli([...args, '--db', db]);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'renshe-quarantine-'));
    db = join(dir, 'q.duckdb');
    writeFileSync(join(dir, 'employers.csv'), `统一社会信用代码,单位名称,行业门类,经济类型,所在地区划,成立日期\n${employer},某建筑公司,E,private,510104,2010-01-01\n`);
    writeFileSync(join(dir, 'contrib.csv'), [
      contribHeader,
      `${person},${employer},110,2026-08,6000,960,480,2026-09-15,2026-09-10,510104`,
      `${person},${employer},110,2026-09,6000,960,480,2026-10-15,,510104`,
      `${person},${employer},310,2026-09,-6000,480,120,2026-10-15,,510104`,
    ].join('\n') + '\n');
    const first = await cli('ingest', join(dir, 'employers.csv'), join(dir, 'contrib.csv'), '--json');
    expect(first.code, first.stdout).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists and explains why rows were kept out', async () => {
    const summary = JSON.parse((await cli('quarantine', 'summary', '--json')).stdout) as { rows: { reason: string; rows: number }[] };
    expect(Object.fromEntries(summary.rows.map((r) => [r.reason, r.rows]))).toEqual({ REF_UNKNOWN_PERSON: 2, AMOUNT_NEGATIVE: 1 });
    const list = JSON.parse((await cli('quarantine', 'list', '--reason', 'AMOUNT_NEGATIVE', '--json')).stdout) as { rows: { loadId: number; rowNo: number }[] };
    const ref = `${list.rows[0].loadId}:${list.rows[0].rowNo}`;
    const explained = await cli('quarantine', 'explain', ref);
    expect(explained.stdout).toContain('金额或数量为负数');
    expect(explained.stdout).toContain('Amount or count is negative');
    expect(explained.stdout).toContain('-6000');
  });

  it('retries rows after the missing person is loaded, and closes fixed exports', async () => {
    writeFileSync(join(dir, 'persons.csv'), `${personsHeader}\n${person},王建国,1,1979-09-09,510104,rural\n`);
    await cli('ingest', join(dir, 'persons.csv'));
    const retry = JSON.parse((await cli('quarantine', 'retry', '--json')).stdout) as { totals: { loaded: number; quarantined: number } };
    expect(retry.totals).toMatchObject({ loaded: 2, quarantined: 1 });
    const open = JSON.parse((await cli('quarantine', 'summary', '--json')).stdout) as { rows: { reason: string; rows: number }[] };
    expect(open.rows).toEqual([expect.objectContaining({ reason: 'AMOUNT_NEGATIVE', rows: 1 })]);

    const fix = join(dir, 'fix.csv');
    await cli('quarantine', 'export', '--out', fix);
    const text = readFileSync(fix, 'utf8');
    expect(text.split('\n')[0]).toContain('_quarantine_ref');
    writeFileSync(fix, text.replace(',-6000,', ',6000,'));
    const loaded = JSON.parse((await cli('ingest', fix, '--json')).stdout) as { totals: { loaded: number } };
    expect(loaded.totals.loaded).toBe(1);
    const after = JSON.parse((await cli('quarantine', 'summary', '--json')).stdout) as { rows: unknown[] };
    expect(after.rows).toEqual([]);
  }, 120_000);
});
