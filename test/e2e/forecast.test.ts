import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { screenshot } from './browser.ts';
import { useBrowserApp } from '../support/browser-app.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { refreshIndicators } from '../../src/indicators/indicator-store.ts';
import { loadAlertRules } from '../../src/alerts/alert-rules-store.ts';
import { runAlerts } from '../../src/alerts/alert-store.ts';
import { aCityWithLayoff } from '../integration/forecast-city.ts';

/** The indicator explorer (fan chart, accuracy table, Phillips panel) and the alert board, in a real browser. */
describe('indicators and alerts (browser)', () => {
  const app = useBrowserApp({
    timeout: 180_000,
    seed: async (server) => {
      await aCityWithLayoff(server.db, { districts: ['510104', '510105'], months: 30, start: '2022-05', workers: 150, layoff: { region: '510104', months: 1, persons: 100 }, seed: 'e2e-city' });
      await refreshIndicators(server.db, systemClock);
      await runAlerts(server.db, systemClock, loadAlertRules(resolve(import.meta.dirname, '../../data/policy')));
    },
  });

  it('explores an indicator: fan chart, backtest accuracy per model, unemployment with inflation', async () => {
    const { page, errors, close } = await app.open('analyst');
    await page.goto('/indicators');
    await page.waitForSelector('[data-fan-chart] canvas');
    await page.waitForFunction(() => document.querySelectorAll('[data-accuracy] tbody tr').length === 8);
    // The default region is the city with the longest series, and every model has backtest origins there.
    expect(await page.locator('[data-region]').inputValue()).toBe('');
    expect(await page.locator('[data-accuracy] tbody tr').first().textContent()).toMatch(/\d\.\d{3}/);
    expect(await page.locator('[data-model-used] code').textContent()).not.toBe('');
    await page.waitForSelector('[data-phillips] [data-signal]');
    console.log(`indicators screenshot: ${await screenshot(page, 'indicators')}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the alert board, opens an alert and acknowledges it', async () => {
    const { page, errors, close } = await app.open('analyst');
    await page.goto('/alerts');
    await page.waitForFunction(() => document.querySelectorAll('[data-alerts] tbody tr').length > 0);
    await page.click('[data-level-filter="red"]');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-alerts] tbody tr')).some((tr) => tr.textContent?.includes('510104')));
    await page.locator('[data-alerts] tbody tr', { hasText: '510104' }).first().click();
    await page.waitForSelector('[data-alert-detail]');
    await page.fill('[data-alert-detail] input', '已派员走访企业');
    await page.click('[data-ack]');
    await page.waitForSelector('[data-alert-detail] [data-acked]');
    expect(await page.locator('[data-alert-detail]').textContent()).toContain('已派员走访企业');
    console.log(`alerts screenshot: ${await screenshot(page, 'alerts')}`);
    expect(errors).toEqual([]);
    await close();
  });
});
