import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { join, resolve } from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { readConfig } from '../../src/platform/config.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { ensureSchema } from '../../src/platform/schema-store.ts';
import { issueToken, upsertUser } from '../../src/auth/auth-store.ts';
import type { Role } from '../../src/auth/roles.ts';
import { refreshIndicators } from '../../src/indicators/indicator-store.ts';
import { loadAlertRules } from '../../src/alerts/alert-rules-store.ts';
import { runAlerts } from '../../src/alerts/alert-store.ts';
import { aStore } from './tags-builders.ts';
import { aCityWithLayoff } from './forecast-city.ts';

/** Indicators, forecasts, alerts and the Phillips view over HTTP, on a two-district city with a layoff in 锦江. */
const policyDir = resolve(import.meta.dirname, '../../data/policy');
describe('forecasting and early warning over HTTP', () => {
  let store: Awaited<ReturnType<typeof aStore>>;
  let app: FastifyInstance;
  const clock = fixedClock('2024-11-20T09:00:00Z');
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    store = await aStore();
    const db = store.db;
    await ensureSchema(db);
    await aCityWithLayoff(db, { districts: ['510104', '510105'], months: 30, start: '2022-05', workers: 300, layoff: { region: '510104', months: 1, persons: 120 }, seed: 'routes-city' });
    await refreshIndicators(db, clock);
    await runAlerts(db, clock, loadAlertRules(policyDir));
    for (const role of ['analyst', 'partner', 'admin', 'auditor', 'operator'] as const) {
      await upsertUser(db, { username: role, role, password: `${role}-password` }, clock);
      tokens[role] = (await issueToken(db, role, 'test', clock, 1)).token;
    }
    app = await buildApp({ config: readConfig({}, { dbPath: join(store.dir, 'test.duckdb'), webDistDir: join(store.dir, 'no-web'), policyDir }), db, clock });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await store.cleanup();
  });

  const call = (role: Role | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as never, headers: role ? { authorization: `Bearer ${tokens[role]}` } : {} });

  it('lists indicators for signed-in users only', async () => {
    expect((await call(null, 'GET', '/api/indicators')).statusCode).toBe(401);
    const body = (await call('partner', 'GET', '/api/indicators')).json();
    const rate = body.indicators.find((i: { code: string }) => i.code === 'REG_UNEMP_RATE');
    expect(rate).toMatchObject({ zh: '城镇登记失业率', regions: 3, from: '2022-05', to: '2024-10' });
  });

  it('returns a complete monthly series, defaulting to the city', async () => {
    const body = (await call('analyst', 'GET', '/api/indicators/NEW_UNEMP_REG/series')).json();
    expect(body.region).toBe('510100');
    expect(body.points).toHaveLength(30);
    expect(body.regions.map((r: { region: string }) => r.region)).toEqual(['510100', '510104', '510105']);
    expect((await call('analyst', 'GET', '/api/indicators/NOPE/series')).statusCode).toBe(404);
    expect((await call('analyst', 'GET', '/api/indicators/NEW_UNEMP_REG/series?region=chengdu')).statusCode).toBe(400);
  });

  it('forecasts an indicator with a fan chart and backtest accuracy per model', async () => {
    const res = await call('analyst', 'GET', '/api/indicators/NEW_UNEMP_REG/forecast?region=510105&model=ets&horizon=3');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.forecast.points.map((p: { period: string }) => p.period)).toEqual(['2024-11', '2024-12', '2025-01']);
    for (const p of body.forecast.points) expect(p.lo95 <= p.lo80 && p.lo80 <= p.mean && p.mean <= p.hi80 && p.hi80 <= p.hi95).toBe(true);
    const models = body.backtest.accuracy.map((a: { model: string }) => a.model);
    expect(models).toEqual(['auto', 'ets', 'arima', 'theta', 'combo', 'snaive', 'naive', 'drift']);
    expect(body.backtest.accuracy.every((a: { mase: number | null; origins: number }) => a.origins > 0 && a.mase !== null)).toBe(true);
  });

  it('forecasts a posted series and names the periods', async () => {
    const values = Array.from({ length: 24 }, (_, t) => 100 + t);
    const body = (await call('partner', 'POST', '/api/forecast', { values, horizon: 2, model: 'drift', start: '2023-01' })).json();
    expect(body).toMatchObject({ model: 'Drift', frequency: 12 });
    expect(body.points.map((p: { period: string; mean: number }) => [p.period, p.mean])).toEqual([['2025-01', 124], ['2025-02', 125]]);
    const short = await call('partner', 'POST', '/api/forecast', { values: [1, 2], horizon: 2, model: 'ets' });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.code).toBe('SERIES_TOO_SHORT');
  });

  it('shows the alert board and lets only roles with alert:ack acknowledge', async () => {
    const board = (await call('partner', 'GET', '/api/alerts?level=red')).json();
    const surge = board.alerts.find((a: { ruleId: string; region: string }) => a.ruleId === 'unemployment-registrations-surge' && a.region === '510104');
    expect(surge).toMatchObject({ level: 'red', period: '2024-10' });
    expect(board.alerts.some((a: { region: string }) => a.region === '510105')).toBe(false);
    expect((await call('partner', 'POST', `/api/alerts/${surge.id}/ack`, { note: 'x' })).statusCode).toBe(403);
    // The auditor may read the board (stats:read) but reviews acknowledgements rather than making them.
    expect((await call('auditor', 'GET', '/api/alerts')).statusCode).toBe(200);
    const refused = await call('auditor', 'POST', `/api/alerts/${surge.id}/ack`, { note: 'x' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('alert:ack');
    const acked = (await call('analyst', 'POST', `/api/alerts/${surge.id}/ack`, { note: '已派员走访' })).json();
    expect(acked).toMatchObject({ ackedBy: 'analyst', ackNote: '已派员走访' });
    const all = (await call('operator', 'GET', '/api/alerts')).json().alerts as { id: number }[];
    const other = all.find((a) => a.id !== surge.id) as { id: number };
    const byOperator = await call('operator', 'POST', `/api/alerts/${other.id}/ack`, { note: '已安排岗位推送' });
    expect(byOperator.statusCode).toBe(200);
    expect(byOperator.json()).toMatchObject({ ackedBy: 'operator' });
    expect((await call('analyst', 'POST', '/api/alerts/999999/ack', {})).statusCode).toBe(404);
    expect((await call('analyst', 'POST', '/api/alerts/run')).statusCode).toBe(403);
    expect((await call('admin', 'POST', '/api/alerts/run')).json().rules).toBeGreaterThan(0);
  });

  it('reads unemployment with inflation: the Phillips view and the latest signal with reasons', async () => {
    const body = (await call('analyst', 'GET', '/api/macro/phillips')).json();
    expect(body.cpiForm).toBe('yoy-index');
    expect(body.sources.unemployment).toContain('REG_UNEMP_RATE 510100');
    expect(body.points).toHaveLength(30);
    expect(body.latest.period).toBe('2024-10');
    expect(['overheating', 'slowdown', 'stagflation', 'neutral']).toContain(body.latest.signal);
    expect(body.latest.reasonsZh.length).toBeGreaterThan(0);
  });
});
