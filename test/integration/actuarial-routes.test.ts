import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { readConfig } from '../../src/platform/config.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { openDuckDatabase } from '../../src/platform/duckdb-database.ts';
import { ensureSchema } from '../../src/platform/schema-store.ts';
import type { Database } from '../../src/platform/database.ts';
import { issueToken, upsertUser } from '../../src/auth/auth-store.ts';
import type { Role } from '../../src/auth/roles.ts';

const ID = '110101197001010011';

describe('actuarial over HTTP', () => {
  let dir: string;
  let db: Database;
  let app: FastifyInstance;
  const clock = fixedClock('2025-03-01T08:00:00Z');
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'renshe-actuarial-http-'));
    db = await openDuckDatabase(join(dir, 'test.duckdb'));
    await ensureSchema(db);
    await db.run(`INSERT INTO person (id_number, name, sex, birth_date, hukou_region, hukou_type) VALUES ($id, '测试', '1', DATE '1970-01-01', '110101', 'urban')`, { id: ID });
    await db.run(
      `INSERT INTO contribution (id_number, scheme, period, base, employer_amount, personal_amount, due_date, paid_date, region)
       SELECT $id, '110', make_date(y, m, 1), 9000, 1440, 720, make_date(y, m, 15), make_date(y, m, 15), '110101'
       FROM range(2005, 2025) a(y), range(1, 13) b(m)`,
      { id: ID },
    );
    for (const role of ['analyst', 'partner'] as const) {
      await upsertUser(db, { username: role, role, password: `${role}-pw` }, clock);
      tokens[role] = (await issueToken(db, role, 'test', clock, 1)).token;
    }
    app = await buildApp({ config: readConfig({}, { dbPath: join(dir, 'test.duckdb'), webDistDir: join(dir, 'no-web') }), db, clock });
  });

  afterAll(async () => {
    await app?.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (role: Role | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as never, headers: role ? { authorization: `Bearer ${tokens[role]}` } : {} });

  it('computes the retirement month for any signed-in role and validates the query', async () => {
    expect((await call(null, 'GET', '/api/actuarial/retirement?birth=1970-01&category=male')).statusCode).toBe(401);
    const r = (await call('partner', 'GET', '/api/actuarial/retirement?birth=1970-01&category=male')).json();
    expect(r).toMatchObject({ statutoryAge: { years: 61, months: 4 }, retirementMonth: '2031-05', minContributionYears: 16 });
    expect((await call('partner', 'GET', '/api/actuarial/retirement?birth=1970-13&category=male')).statusCode).toBe(400);
    expect((await call('partner', 'GET', '/api/actuarial/retirement?birth=1970-01&category=robot')).statusCode).toBe(400);
  });

  it('estimates a hand-entered pension for any role, a stored person only with person:read and audited', async () => {
    const hand = await call('partner', 'POST', '/api/actuarial/pension-estimate', { birth: '1975-06', category: 'female-55', wage: 8000, yearsContributed: 18 });
    expect(hand.statusCode).toBe(200);
    expect(hand.json().monthly.total).toBeGreaterThan(0);
    expect((await call('partner', 'POST', '/api/actuarial/pension-estimate', { id: ID })).statusCode).toBe(403);
    const stored = (await call('analyst', 'POST', '/api/actuarial/pension-estimate', { id: ID })).json();
    expect(stored.contributionYears.past).toBe(20);
    expect(stored.retirementMonth).toBe('2031-05');
    const audit = await db.query<{ actor: string; resource: string; subject: string }>(`SELECT actor, resource, subject FROM audit_log WHERE resource = 'pension_estimate'`);
    expect(audit).toEqual([{ actor: 'analyst', resource: 'pension_estimate', subject: ID }]);
  });

  it('lists scenarios and projects named and edited scenarios side by side, with exports', async () => {
    const list = (await call('partner', 'GET', '/api/actuarial/scenarios')).json();
    expect(list.scenarios.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['no-reform', 'reform-2025', 'drg-dip-2025']));
    const edited = { ...list.scenarios.find((s: { name: string }) => s.name === 'reform-2025').raw, id: 'edited', contribution: { rate: 0.28 } };
    const r = await call('partner', 'POST', '/api/actuarial/project', { scenarios: ['reform-2025', edited], years: 30, sensitivity: false });
    expect(r.statusCode).toBe(200);
    const [base, richer] = r.json().scenarios;
    expect(richer.assumptions.contribution.rate).toBe(0.28);
    expect(richer.rows.at(-1).accumulatedBalance).toBeGreaterThan(base.rows.at(-1).accumulatedBalance);
    const csv = await call('partner', 'POST', '/api/actuarial/project', { scenarios: ['no-reform'], years: 5, sensitivity: false, format: 'csv' });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toMatch(/^# renshe actuarial projection/);
    const xlsx = await call('partner', 'POST', '/api/actuarial/project', { scenarios: ['no-reform'], years: 5, sensitivity: false, format: 'xlsx' });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('rejects bad scenario names, paths and invalid edited scenarios with 4xx', async () => {
    expect((await call('partner', 'POST', '/api/actuarial/project', { scenarios: ['../../etc/passwd'] })).statusCode).toBe(400);
    expect((await call('partner', 'POST', '/api/actuarial/project', { scenarios: ['nope'] })).statusCode).toBe(404);
    const bad = await call('partner', 'POST', '/api/actuarial/project', { scenarios: [{ kind: 'pension', id: 'x' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.messageZh).toMatch(/养老金情景/);
  });
});
