import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { aTempDb, sharedDataDir } from '../support/temp-db.ts';
import { buildApp } from '../../src/server/app.ts';
import { readConfig } from '../../src/platform/config.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { seedDemoUsers, upsertUser } from '../../src/auth/auth-store.ts';
import { ingestFiles } from '../../src/ingest/ingest-store.ts';
import { loadReferenceTables } from '../../src/reference/reference-store.ts';
import { makeIdNumber } from '../../src/identity/id-number.ts';

const clock = fixedClock('2026-10-31T12:00:00Z');
const id = makeIdNumber('510104', '1980-05-06', 123);

describe('HTTP access control, masking and audit', () => {
  let t: Awaited<ReturnType<typeof aTempDb>>;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  const get = (url: string, user?: string) =>
    app.inject({ method: 'GET', url, headers: user ? { authorization: `Bearer ${tokens[user]}` } : {} });

  beforeAll(async () => {
    t = await aTempDb();
    await loadReferenceTables(t.db, sharedDataDir);
    const file = join(t.dir, 'p.csv');
    writeFileSync(file, `身份证号码,姓名,性别,出生日期,户籍地区划,户口性质,手机号码\n${id},欧阳娜娜,1,1980-05-06,510104,urban,13912345678\n`);
    await ingestFiles(t.db, [file], { actor: 'test', clock });
    await seedDemoUsers(t.db, clock);
    app = await buildApp({ config: readConfig({}, { dbPath: t.path, sharedDataDir }), db: t.db, clock });
    await upsertUser(t.db, { username: 'beijing', role: 'caseworker', password: 'beijing123', regions: ['110000'] }, clock);
    await upsertUser(t.db, { username: 'chengdu', role: 'caseworker', password: 'chengdu123', regions: ['510100'] }, clock);
    for (const user of ['admin', 'analyst', 'auditor', 'caseworker', 'beijing', 'chengdu']) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user, password: `${user}123` } });
      expect(res.statusCode).toBe(200);
      tokens[user] = res.json().token;
    }
  });
  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  it('answers 401 to anonymous calls for personal data, and to a wrong password', async () => {
    expect((await get('/api/persons')).statusCode).toBe(401);
    expect((await get(`/api/persons/${id}`)).statusCode).toBe(401);
    expect((await get('/api/quarantine')).statusCode).toBe(401);
    const bad = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.messageZh).toContain('密码');
    expect((await get('/api/health')).statusCode).toBe(200);
  });

  it('shows an analyst masked ID numbers, names and phones, and logs the access', async () => {
    const res = await get('/api/persons?q=510104', 'analyst');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.masked).toBe(true);
    expect(body.rows[0].idNumber).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(body.rows[0].name).toBe('欧***');
    expect(body.rows[0].phone).toBe('139****5678');
    const asked = await get(`/api/persons/${id}?unmask=true`, 'analyst');
    expect(asked.json().person.idNumber).not.toBe(id);
  });

  it('unmasks for a caseworker only on request, and audits every unmasked view', async () => {
    const masked = await get(`/api/persons/${id}`, 'caseworker');
    expect(masked.json().person.idNumber).not.toBe(id);
    const open = await get(`/api/persons/${id}?unmask=true`, 'caseworker');
    expect(open.json().person).toMatchObject({ idNumber: id, name: '欧阳娜娜', phone: '13912345678' });
    expect((await get('/api/audit', 'analyst')).statusCode).toBe(403);
    const audit = await get('/api/audit?unmasked=true', 'auditor');
    expect(audit.statusCode).toBe(200);
    const rows = audit.json().rows as { actor: string; subject: string; unmasked: boolean }[];
    expect(rows).toEqual([expect.objectContaining({ actor: 'caseworker', subject: id, unmasked: true })]);
    const all = await get('/api/audit', 'auditor');
    expect(all.json().total).toBeGreaterThanOrEqual(4);
  });

  it('limits a region-scoped user to persons of their regions', async () => {
    expect((await get('/api/persons', 'beijing')).json().total).toBe(0);
    expect((await get(`/api/persons/${id}`, 'beijing')).statusCode).toBe(404);
    expect((await get('/api/persons', 'chengdu')).json().total).toBe(1);
    expect((await get(`/api/persons/${id}`, 'chengdu')).statusCode).toBe(200);
  });

  it('serves aggregates without personal data to any role', async () => {
    const res = await get('/api/overview', 'analyst');
    expect(res.statusCode).toBe(200);
    expect(res.json().persons).toBe(1);
    const loads = await get('/api/loads', 'analyst');
    expect(loads.json().rows[0]).toMatchObject({ entity: 'person', rowsRead: 1, loaded: 1 });
  });
});
