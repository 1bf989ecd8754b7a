import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { readConfig } from '../../src/platform/config.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/database.ts';
import { issueToken, upsertUser } from '../../src/auth/auth-store.ts';
import type { Role } from '../../src/auth/roles.ts';
import { readTagCatalogue } from '../../src/tags/tag-catalogue-store.ts';
import { runTagBuild } from '../../src/tags/tag-build-store.ts';
import { aContribution, aPerson, aStore, anEmployer, insert } from './tags-builders.ts';

describe('tags, segments and profiles over HTTP: roles, masking, audit, hostile input', () => {
  let db: Database;
  let dir: string;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  const clock = fixedClock('2026-11-01T08:00:00Z');
  const tokens: Partial<Record<Role, string>> = {};
  const people = Array.from({ length: 8 }, (_, i) => aPerson({ birth_date: `19${60 + i * 5}-02-02`, name: `赵${'一二三四五六七八'[i]}`, residence_region: i % 2 ? '510104' : '510107', phone: '13800001111' }));
  const firm = anEmployer();

  beforeAll(async () => {
    ({ db, dir, cleanup } = await aStore());
    await insert(db, 'person', people);
    await insert(db, 'employer', [firm]);
    await insert(db, 'contribution', [aContribution({ id_number: people[1].id_number, credit_code: firm.credit_code, paid_date: null, due_date: '2026-10-15' })]);
    await runTagBuild(db, readTagCatalogue(), { asOf: '2026-10-31' }, clock);
    for (const role of ['analyst', 'operator', 'caseworker', 'partner', 'admin'] as const) {
      await upsertUser(db, { username: role, role, password: `${role}-pw` }, clock);
      tokens[role] = (await issueToken(db, role, 'test', clock, 1)).token;
    }
    const config = readConfig({}, { dbPath: `${dir}/test.duckdb`, webDistDir: `${dir}/no-web` });
    app = await buildApp({ config, db, clock });
  });
  afterAll(async () => {
    await app?.close();
    await cleanup();
  });

  const call = (role: Role | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as never, headers: role ? { authorization: `Bearer ${tokens[role]}` } : {} });
  const audits = async (resource: string) => db.query<{ actor: string; unmasked: boolean; purpose: string | null; rows_returned: number }>(
    `SELECT actor, unmasked, purpose, rows_returned FROM audit_log WHERE resource = $r ORDER BY audit_id`, { r: resource },
  );

  it('lists the catalogue with counts and a tag with its trend, for any role, but not anonymously', async () => {
    expect((await call(null, 'GET', '/api/tags')).statusCode).toBe(401);
    const list = (await call('partner', 'GET', '/api/tags')).json();
    expect(list.build.build_id).toBe(1);
    expect(list.tags.find((t: { code: string }) => t.code === 'under_60').members).toBe(6);
    const one = (await call('analyst', 'GET', '/api/tags/in_arrears')).json();
    expect(one.tag.rule).toBe('arrears_months > 0');
    expect(one.trend).toEqual([{ build_id: 1, as_of: '2026-10-31', members: 1 }]);
    expect((await call('analyst', 'GET', '/api/tags/nope')).statusCode).toBe(404);
    expect((await call('analyst', 'GET', '/api/tags/DROP%20TABLE')).statusCode).toBe(400);
  });

  it('counts and breaks down a segment; refuses hostile bodies with a position and changes nothing', async () => {
    const r = (await call('partner', 'POST', '/api/segments/count', { expr: 'tag:under_60', regions: ['510104'] })).json();
    expect(r).toMatchObject({ count: 3, buildId: 1, asOf: '2026-10-31' });
    const b = (await call('analyst', 'POST', '/api/segments/breakdown', { expr: 'alive', regions: [] })).json();
    expect(b.region.map((x: { count: number }) => x.count)).toEqual([4, 4]);
    const bad = await call('analyst', 'POST', '/api/segments/count', { expr: "tag:under_60' OR 1=1 --", regions: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'RULE_INVALID' });
    expect(bad.json().error.messageZh).toMatch(/第 1 行第 \d+ 列/);
    for (const body of [
      { expr: 'alive', regions: ["510104' OR '1'='1"] },
      { expr: 'alive', regions: '510104' },
      { expr: 'alive', regions: [510104] },
      { expr: { sql: 'DROP TABLE person' }, regions: [] },
      { expr: 'alive; DROP TABLE person', regions: [] },
      { expr: 'x'.repeat(5000), regions: [] },
    ]) {
      expect((await call('analyst', 'POST', '/api/segments/count', body)).statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM person');
    expect(n).toBe(8);
  });

  it('masks samples unless a role that may unmask asks, and audits every sample', async () => {
    expect((await call('partner', 'POST', '/api/segments/sample', { expr: 'alive', regions: [] })).statusCode).toBe(403);
    const masked = (await call('analyst', 'POST', '/api/segments/sample', { expr: 'alive', regions: [], size: 3, unmask: true })).json();
    expect(masked.masked).toBe(true);
    expect(masked.rows[0].id_number).toMatch(/\*{8}/);
    expect(masked.rows[0].name).toMatch(/^赵\*$/);
    const clear = (await call('caseworker', 'POST', '/api/segments/sample', { expr: 'alive', regions: [], size: 3, unmask: true })).json();
    expect(clear.masked).toBe(false);
    expect(people.map((p) => p.id_number)).toContain(clear.rows[0].id_number);
    expect((await audits('segment_sample')).map((a) => [a.actor, a.unmasked])).toEqual([['analyst', false], ['caseworker', true]]);
  });

  it('exports members only for campaign roles, as CSV, audited with the purpose', async () => {
    expect((await call('analyst', 'POST', '/api/segments/export', { expr: 'alive', regions: [], purpose: '测试' })).statusCode).toBe(403);
    expect((await call('operator', 'POST', '/api/segments/export', { expr: 'alive', regions: [] })).statusCode).toBe(400);
    const res = await call('operator', 'POST', '/api/segments/export', { expr: 'tag:in_arrears', regions: [], purpose: '欠费提醒短信' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.body).toContain(people[1].id_number);
    expect(res.body.trim().split('\n')).toHaveLength(2);
    expect(await audits('segment_export')).toEqual([{ actor: 'operator', unmasked: true, purpose: '欠费提醒短信', rows_returned: 1 }]);
  });

  it('saves segments with an owner; only the owner or an admin may add a version', async () => {
    const created = (await call('analyst', 'POST', '/api/segments', { name: '锦江区', expr: 'tag:under_60', regions: ['510104'] })).json();
    expect(created).toMatchObject({ owner: 'analyst', currentVersion: 1 });
    expect((await call('operator', 'PUT', `/api/segments/${created.id}`, { name: 'x', expr: 'alive', regions: [] })).statusCode).toBe(403);
    expect((await call('admin', 'PUT', `/api/segments/${created.id}`, { name: '锦江区', expr: 'alive', regions: ['510104'] })).json().currentVersion).toBe(2);
    const one = (await call('analyst', 'GET', `/api/segments/${created.id}`)).json();
    expect(one.versions.map((v: { author: string }) => v.author)).toEqual(['admin', 'analyst']);
    expect((await call('analyst', 'POST', '/api/segments', { name: 'bad', expr: 'agee > 1', regions: [] })).json().error.code).toBe('RULE_INVALID');
  });

  it('serves profiles masked by role and audited; employer profiles carry no staff identities', async () => {
    const id = people[1].id_number;
    expect((await call('partner', 'GET', `/api/persons/${id}/profile`)).statusCode).toBe(403);
    const masked = (await call('analyst', 'GET', `/api/persons/${id}/profile?unmask=true`)).json();
    expect(masked.masked).toBe(true);
    expect(JSON.stringify(masked)).not.toContain(id);
    expect(masked.tags.map((t: { code: string }) => t.code)).toContain('in_arrears');
    expect(masked.tagHistory[0].added).toContain('in_arrears');
    const clear = (await call('caseworker', 'GET', `/api/persons/${id}/profile?unmask=true`)).json();
    expect(clear.person.id_number).toBe(id);
    expect((await audits('person_profile')).map((a) => [a.actor, a.unmasked])).toEqual([['analyst', false], ['caseworker', true]]);
    const employer = (await call('partner', 'GET', `/api/employers/${firm.credit_code}/profile`)).json();
    expect(employer.arrears.amount).toBe(1440);
    expect(JSON.stringify(employer)).not.toContain(id);
    const explain = (await call('analyst', 'GET', `/api/tags/in_arrears/explain?id=${id}`)).json();
    expect(explain).toMatchObject({ result: true, conditions: [{ text: 'arrears_months > 0', held: true }] });
    expect(explain.key).not.toBe(id);
  });
});
