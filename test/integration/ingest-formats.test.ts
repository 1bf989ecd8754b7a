import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { aTempDb } from '../support/temp-db.ts';
import { sharedDataDir } from '../support/temp-db.ts';
import { ingestFiles } from '../../src/ingest/ingest-store.ts';
import { loadReferenceTables } from '../../src/reference/reference-store.ts';
import { makeIdNumber } from '../../src/identity/id-number.ts';
import { makeCreditCode } from '../../src/identity/credit-code.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/database.ts';

const clock = fixedClock('2026-10-31T12:00:00Z');
const header = '公民身份号码,姓名,性别,出生日期,户籍地区划,户口性质,手机号码';

interface PersonSpec { id?: string; name?: string; sex?: string; birth?: string; region?: string; hukou?: string; phone?: string }
let seq = 1;
/** A valid person row; `birth` overrides only the text written in the birth-date column. */
function aPersonRow(p: PersonSpec = {}): string {
  const n = seq++;
  const male = p.sex ? ['1', '男', 'M'].includes(p.sex) : n % 2 === 1;
  const idBirth = '1985-03-14';
  const id = p.id ?? makeIdNumber('510104', idBirth, male ? 2 * n - 1 : 2 * n);
  const birth = p.birth ?? idBirth;
  return [id, p.name ?? `张${n}`, p.sex ?? (male ? '1' : '2'), birth, p.region ?? '510104', p.hukou ?? 'urban', p.phone ?? '13812345678'].join(',');
}

describe('ingest: formats, defects and guarantees', () => {
  let t: Awaited<ReturnType<typeof aTempDb>>;
  let db: Database;
  const load = (files: string[], force = false) => ingestFiles(db, files, { actor: 'test', clock, force });

  beforeAll(async () => {
    t = await aTempDb();
    db = t.db;
    await loadReferenceTables(db, sharedDataDir);
  });
  afterAll(async () => t.dispose());

  it('loads clean rows, quarantines each defect with its reason, and counts every row', async () => {
    const good = aPersonRow();
    const goodId = good.split(',')[0];
    const badCheck = goodId.slice(0, 17) + (goodId[17] === '0' ? '1' : '0');
    const rows = [
      good,
      aPersonRow({ id: badCheck }),
      aPersonRow({ id: '1.10105E+17' }),
      aPersonRow({ birth: '2023年5月' }),
      aPersonRow({ region: '999999' }),
      aPersonRow({ phone: '12345' }),
      aPersonRow({ sex: '男' }),
      aPersonRow({ birth: '1985/3/14' }),
      good,
      aPersonRow({ name: '' }),
    ];
    const file = join(t.dir, 'persons.csv');
    writeFileSync(file, [header, ...rows].join('\n') + '\n');
    const [s] = await load([file]);
    expect(s.entity).toBe('person');
    expect(s.rows).toBe(10);
    expect(s.loaded + s.quarantined).toBe(s.rows);
    expect(s.reasons).toEqual({ ID_CHECK_DIGIT: 1, ID_SCIENTIFIC: 1, DATE_INCOMPLETE: 1, REGION_UNKNOWN: 1, PHONE_FORMAT: 1, DUPLICATE_ROW: 1, REQUIRED_MISSING: 1 });
    expect(s.repairs).toEqual({ CODE_LABEL: 1, DATE_NORMALISED: 1 });
    const q = await db.query<{ row_no: number; reason: string }>(`SELECT row_no, reason FROM quarantine WHERE load_id = $id ORDER BY row_no`, { id: s.loadId });
    expect(q.map((r) => `${r.row_no}:${r.reason}`)).toEqual(['2:ID_CHECK_DIGIT', '3:ID_SCIENTIFIC', '4:DATE_INCOMPLETE', '5:REGION_UNKNOWN', '6:PHONE_FORMAT', '9:DUPLICATE_ROW', '10:REQUIRED_MISSING']);
    const births = await db.query<{ birth_date: string }>(`SELECT DISTINCT birth_date FROM person`);
    expect(births).toEqual([{ birth_date: '1985-03-14' }]);
  });

  it('trims spaces around values before checking them, and a value of spaces only counts as empty', async () => {
    const padded = aPersonRow();
    const [id, , sex, birth, region] = padded.split(',');
    const rows = [
      [` ${id} `, ' 李四', ` ${sex}`, `${birth}  `, ` ${region}`, 'urban ', '13812345678'].join(','),
      aPersonRow({ name: '   ' }),
    ];
    const file = join(t.dir, 'persons-padded.csv');
    writeFileSync(file, [header, ...rows].join('\n') + '\n');
    const [s] = await load([file]);
    expect(s.loaded).toBe(1);
    expect(s.reasons).toEqual({ REQUIRED_MISSING: 1 });
    expect(s.repairs).toEqual({});
    const [row] = await db.query<{ name: string; birth_date: string; hukou_region: string; hukou_type: string }>(
      `SELECT name, birth_date, hukou_region, hukou_type FROM person WHERE id_number = $id`, { id },
    );
    expect(row).toEqual({ name: '李四', birth_date: birth, hukou_region: region, hukou_type: 'urban' });
  });

  it('does not load the same bytes twice, and a later correction supersedes by key', async () => {
    const file = join(t.dir, 'persons.csv');
    const before = await db.query<{ n: number }>(`SELECT count(*) AS n FROM person`);
    const [again] = await load([file]);
    expect(again.status).toBe('unchanged');
    const [{ id }] = await db.query<{ id: string }>(`SELECT id_number AS id FROM person ORDER BY id_number LIMIT 1`);
    const [row] = await db.query<{ name: string; sex: string; birth_date: string; hukou_region: string }>(`SELECT * FROM person WHERE id_number = $id`, { id });
    const fix = join(t.dir, 'persons-fix.csv');
    writeFileSync(fix, `${header}\n${[id, '更正后', row.sex, row.birth_date, row.hukou_region, 'rural', '13900000000'].join(',')}\n`);
    const [s] = await load([fix]);
    expect(s.superseded).toBe(1);
    const after = await db.query<{ n: number }>(`SELECT count(*) AS n FROM person`);
    expect(after[0].n).toBe(before[0].n);
    const [updated] = await db.query<{ name: string; hukou_type: string }>(`SELECT name, hukou_type FROM person WHERE id_number = $id`, { id });
    expect(updated).toEqual({ name: '更正后', hukou_type: 'rural' });
  });

  it('reads GBK CSV, XLSX, NDJSON with a broken line, and Parquet', async () => {
    const gbk = join(t.dir, 'gbk.csv');
    writeFileSync(gbk, iconv.encode([header, aPersonRow({ name: '王小明' }), aPersonRow({ name: '李华' })].join('\r\n') + '\r\n', 'gbk'));
    const [g] = await load([gbk]);
    expect(g.encoding).toBe('gb18030');
    expect(g.loaded).toBe(2);
    expect((await db.query(`SELECT 1 FROM person WHERE name = '王小明'`)).length).toBe(1);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(header.split(','));
    ws.addRow(aPersonRow({ name: '赵敏' }).split(','));
    const mangled = aPersonRow().split(',');
    ws.addRow([Number(mangled[0].slice(0, 17)) * 10, ...mangled.slice(1)]);
    const xlsx = join(t.dir, 'people.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const [x] = await load([xlsx]);
    expect(x.format).toBe('xlsx');
    expect(x.loaded).toBe(1);
    expect(x.reasons).toEqual({ ID_SCIENTIFIC: 1 });

    const nd = join(t.dir, 'people.ndjson');
    const keys = header.split(',');
    const obj = (row: string) => JSON.stringify(Object.fromEntries(row.split(',').map((v, i) => [keys[i], v])));
    writeFileSync(nd, [obj(aPersonRow({ name: '孙悟空' })), '{not json', obj(aPersonRow({ name: '猪八戒' }))].join('\n') + '\n');
    const [n] = await load([nd]);
    expect(n).toMatchObject({ rows: 3, loaded: 2, quarantined: 1, reasons: { MALFORMED_JSON: 1 } });
    const [q] = await db.query<{ row_no: number }>(`SELECT row_no FROM quarantine WHERE load_id = $id`, { id: n.loadId });
    expect(q.row_no).toBe(2);

    const pq = join(t.dir, 'people.parquet');
    const csv = join(t.dir, 'for-parquet.csv');
    writeFileSync(csv, [header, aPersonRow({ name: '沙僧' })].join('\n') + '\n');
    await db.run(`COPY (SELECT * FROM read_csv($p, all_varchar = true)) TO '${pq}' (FORMAT parquet)`, { p: csv });
    const [p] = await load([pq]);
    expect(p).toMatchObject({ format: 'parquet', loaded: 1, quarantined: 0 });
  });

  it('keeps malformed CSV lines with their row numbers', async () => {
    const file = join(t.dir, 'ragged.csv');
    writeFileSync(file, [header, aPersonRow(), aPersonRow() + ',extra', aPersonRow(), 'only,two'].join('\n') + '\n');
    const [s] = await load([file]);
    expect(s).toMatchObject({ rows: 4, loaded: 2, quarantined: 2, reasons: { MALFORMED_ROW: 2 } });
    const q = await db.query<{ row_no: number }>(`SELECT row_no FROM quarantine WHERE load_id = $id ORDER BY row_no`, { id: s.loadId });
    expect(q.map((r) => r.row_no)).toEqual([2, 4]);
    const loaded = await db.query<{ n: number }>(`SELECT count(*) AS n FROM person WHERE load_id = $id`, { id: s.loadId });
    expect(loaded[0].n).toBe(2);
  });

  it('quarantines contributions that refer to unknown persons or employers', async () => {
    const [{ id }] = await db.query<{ id: string }>(`SELECT id_number AS id FROM person LIMIT 1`);
    const code = makeCreditCode('9', '1', '510104', 'MA6CXXXX'.replace(/X/g, '1'));
    const emp = join(t.dir, 'employers.csv');
    writeFileSync(emp, `统一社会信用代码,单位名称,行业门类,经济类型,所在地区划,成立日期\n${code},成都测试有限公司,E,private,510104,2015-06-01\n`);
    await load([emp]);
    const ghostEmployer = makeCreditCode('9', '1', '510104', '22222222');
    const ghostPerson = makeIdNumber('510104', '1970-01-01', 11);
    const h = '身份证号码,统一社会信用代码,险种类型,费款所属期,缴费基数,单位缴费金额,个人缴费金额,应缴日期,实缴日期,参保地区划';
    const rows = [
      [id, code, '110', '2026-09', '8000', '1280', '640', '2026-10-15', '2026-10-10', '510104'],
      [ghostPerson, code, '110', '2026-09', '8000', '1280', '640', '2026-10-15', '', '510104'],
      [id, ghostEmployer, '310', '2026-09', '8000', '640', '160', '2026-10-15', '', '510104'],
      [id, code, '310', '2026年9月', '8000', '-5', '160', '2026-10-15', '', '510104'],
      [id, code, '210', '202609', '8000', '40', '99999999', '2026-10-15', '', '510104'],
    ].map((r) => r.join(','));
    const file = join(t.dir, 'contrib.csv');
    writeFileSync(file, [h, ...rows].join('\n') + '\n');
    const [s] = await load([file]);
    expect(s.entity).toBe('contribution');
    expect(s.reasons).toEqual({ REF_UNKNOWN_PERSON: 1, REF_UNKNOWN_EMPLOYER: 1, AMOUNT_NEGATIVE: 1, AMOUNT_OUT_OF_RANGE: 1 });
    expect(s.loaded).toBe(1);
  });
});
