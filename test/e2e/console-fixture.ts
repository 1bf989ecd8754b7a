import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { readConfig, projectRoot } from '../../src/platform/config.ts';
import { openDuckDatabase } from '../../src/platform/duckdb-database.ts';
import { ensureSchema } from '../../src/platform/schema-store.ts';
import { systemClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/database.ts';
import { seedDemoUsers } from '../../src/auth/auth-store.ts';
import { ingestFiles, type FileSummary } from '../../src/ingest/ingest-store.ts';
import { loadReferenceTables } from '../../src/reference/reference-store.ts';
import { makeIdNumber } from '../../src/identity/id-number.ts';
import { makeCreditCode } from '../../src/identity/credit-code.ts';

export interface PersonRow {
  id: string;
  name: string;
  sex: string;
  birth: string;
  region: string;
  hukou: string;
}

export function aPerson(overrides: Partial<PersonRow> & { seq?: number } = {}): PersonRow {
  const birth = overrides.birth ?? '1985-03-14';
  const region = overrides.region ?? '110105';
  const seq = overrides.seq ?? 11;
  return { id: makeIdNumber(region, birth, seq), name: '张伟', sex: seq % 2 === 1 ? '1' : '2', birth, region, hukou: '城镇', ...overrides };
}

export interface EmployerRow {
  code: string;
  name: string;
  industry: string;
  ownership: string;
  region: string;
  registered: string;
}

export function anEmployer(overrides: Partial<EmployerRow> & { body?: string } = {}): EmployerRow {
  const region = overrides.region ?? '110105';
  return {
    code: makeCreditCode('9', '1', region, overrides.body ?? '0001000A'),
    name: '北京示例建筑有限公司',
    industry: 'E',
    ownership: 'private',
    region,
    registered: '2012-06-01',
    ...overrides,
  };
}

function csv(headers: string[], rows: string[][]): string {
  return [headers, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

/** A handful of clean rows plus the defects a real export carries, so both loads and quarantine have rows. */
export function writeCityFiles(dir: string): string[] {
  const persons = [
    aPerson({ seq: 11, name: '张伟' }),
    aPerson({ seq: 22, name: '李娜', birth: '1990-07-01' }),
    aPerson({ seq: 33, name: '王芳', birth: '1978-11-23', region: '110108' }),
    aPerson({ seq: 44, name: '刘洋', birth: '2001-02-28', region: '110108' }),
    aPerson({ seq: 55, name: '陈静', birth: '1962-09-09', hukou: '农村' }),
  ];
  const personRows = persons.map((p) => [p.id, p.name, p.sex, p.birth, p.region, p.hukou]);
  const wrongCheck = aPerson({ seq: 67, name: '赵磊' });
  personRows.push([wrongCheck.id.slice(0, 17) + (wrongCheck.id[17] === '1' ? '2' : '1'), '赵磊', '1', wrongCheck.birth, '110105', '城镇']);
  personRows.push(['1.10105E+17', '孙丽', '2', '1988-04-04', '110105', '城镇']);
  const personsFile = join(dir, '人员基本信息.csv');
  writeFileSync(personsFile, csv(['公民身份号码', '姓名', '性别', '出生日期', '户籍地区划', '户口性质'], personRows));

  const employers = [
    anEmployer({ body: '0001000A', name: '北京示例建筑有限公司', industry: 'E' }),
    anEmployer({ body: '0002000B', name: '朝阳餐饮管理有限公司', industry: 'H' }),
    anEmployer({ body: '0003000C', name: '海淀软件科技有限公司', industry: 'I', region: '110108' }),
  ];
  const employerRows = employers.map((e) => [e.code, e.name, e.industry, e.ownership, e.region, e.registered]);
  const badCode = anEmployer({ body: '0004000D', name: '错误代码商贸有限公司' });
  employerRows.push([badCode.code.slice(0, 17) + (badCode.code[17] === '0' ? '1' : '0'), badCode.name, 'F', 'private', '110105', '2015-01-01']);
  employerRows.push([anEmployer({ body: '0005000E' }).code, '日期不全劳务派遣公司', 'L', 'private', '110105', '2019年5月']);
  const employersFile = join(dir, '单位信息.csv');
  writeFileSync(employersFile, csv(['统一社会信用代码', '单位名称', '行业门类', '经济类型', '所在地区划', '成立日期'], employerRows));

  const employerOf = (i: number) => employers[i % employers.length];
  const employmentFile = join(dir, '就业登记.csv');
  writeFileSync(employmentFile, csv(
    ['公民身份号码', '统一社会信用代码', '入职日期', '离职日期'],
    persons.slice(0, 4).map((p, i) => [p.id, employerOf(i).code, '2020-03-01', '']),
  ));

  // Two schemes for a year, employee pension at 16% + 8% and employee medical at 8% + 2% of the base.
  const contributionRows: string[][] = [];
  persons.slice(0, 4).forEach((p, i) => {
    const base = 6000 + 1500 * i;
    for (let m = 1; m <= 12; m++) {
      const period = `2024-${String(m).padStart(2, '0')}`;
      const paid = i === 3 && m > 9 ? '' : `${period}-15`;
      for (const [scheme, er, ee] of [['110', 0.16, 0.08], ['310', 0.08, 0.02]] as const) {
        contributionRows.push([p.id, employerOf(i).code, scheme, period, String(base), (base * er).toFixed(2), (base * ee).toFixed(2), `${period}-15`, paid, p.region]);
      }
    }
  });
  contributionRows.push([persons[0].id, employerOf(0).code, '210', '2024-12', '6000', '-30.00', '30.00', '2024-12-15', '', '110105']);
  const contributionsFile = join(dir, '缴费明细.csv');
  writeFileSync(contributionsFile, csv(
    ['公民身份号码', '统一社会信用代码', '险种类型', '费款所属期', '缴费基数', '单位缴费金额', '个人缴费金额', '应缴日期', '实缴日期', '参保地区划'],
    contributionRows,
  ));
  return [personsFile, employersFile, employmentFile, contributionsFile];
}

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }, 0);
}

/** The console tests read the built bundle, as `renshe serve` does; (re)build it when missing or stale. */
export async function ensureConsoleBuilt(): Promise<string> {
  const dist = resolve(projectRoot, 'web/dist');
  const index = join(dist, 'index.html');
  if (!existsSync(index) || statSync(index).mtimeMs < newestSource(resolve(projectRoot, 'web/src'))) {
    const { build } = await import('vite');
    await build({ configFile: resolve(projectRoot, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  return dist;
}

export interface ConsoleServer {
  url: string;
  app: FastifyInstance;
  db: Database;
  files: FileSummary[];
  close: () => Promise<void>;
}

/** The real server in-process, on a temp DuckDB seeded through ingest, on 127.0.0.1 and a free port. */
export async function startConsoleServer(options: { port?: number; dir?: string } = {}): Promise<ConsoleServer> {
  const webDistDir = await ensureConsoleBuilt();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'renshe-e2e-'));
  const clock = systemClock;
  const db = await openDuckDatabase(join(dir, 'console.duckdb'));
  await ensureSchema(db);
  await seedDemoUsers(db, clock);
  const config = readConfig({}, { dbPath: db.path, webDistDir, port: options.port ?? 0 });
  await loadReferenceTables(db, config.sharedDataDir);
  const files = await ingestFiles(db, writeCityFiles(dir), { actor: 'e2e', clock });
  const app = await buildApp({ config, db, clock, demo: true });
  await app.listen({ host: '127.0.0.1', port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    files,
    close: async () => {
      await app.close();
      await db.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
