import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { useBrowserApp } from '../support/browser-app.ts';

describe('console (browser)', () => {
  const app = useBrowserApp();

  it('sends an anonymous visitor to the login page', async () => {
    const { page, close } = await app.open();
    await page.goto('/overview');
    await page.waitForURL(/\/login\?redirect=/);
    await expect(page.locator('input[name="password"]').count()).resolves.toBe(1);
    // The server runs in demo mode, so the demo accounts are offered.
    await page.waitForSelector('.demo-users');
    console.log(`login screenshot: ${await screenshot(page, 'login')}`);
    await close();
  });

  it('logs in and shows the overview with KPI numbers and its charts', async () => {
    const { page, errors, close } = await app.open('analyst');
    expect(new URL(page.url()).pathname).toBe('/overview');
    await page.waitForSelector('[data-kpi]');
    const kpis = await page.locator('[data-kpi]').allTextContents();
    expect(kpis.length).toBeGreaterThanOrEqual(4);
    for (const text of kpis) expect(text).toMatch(/^\d{1,3}(,\d{3})*$/);
    // Three charts: insured by scheme, by region, contributions by month; each draws on a sized canvas.
    await page.waitForFunction(() => document.querySelectorAll('.echart canvas').length >= 3);
    const sizes = await page.locator('.echart canvas').evaluateAll((els) => els.map((c) => (c as HTMLCanvasElement).width));
    expect(sizes.every((w) => w > 100)).toBe(true);
    await expect(page.locator('[data-user]').textContent()).resolves.toContain('analyst');
    await page.waitForTimeout(600); // let the chart animation settle before the screenshot
    console.log(`overview screenshot: ${await screenshot(page, 'overview')}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('lists every load on the data-quality page and drills down to quarantined rows', async () => {
    const { page, errors, close } = await app.open('admin');
    await page.click('a[href="/data-quality"]');
    await page.waitForSelector('[data-loads] tbody tr td');
    const loadRows = page.locator('[data-loads] tbody tr');
    await expect(loadRows.count()).resolves.toBe(app.server.files.length);
    const table = await page.locator('[data-loads]').textContent();
    expect(table).toContain('人员基本信息.csv');
    expect(table).toContain('单位信息.csv');
    await page.waitForSelector('[data-quarantine-rows] tbody tr td .badge');
    console.log(`data-quality screenshot: ${await screenshot(page, 'data-quality')}`);

    // Clicking the persons load narrows the drill-down to that load's quarantined rows.
    const persons = app.server.files.find((f) => f.entity === 'person');
    await loadRows.filter({ hasText: '人员基本信息.csv' }).click();
    await page.waitForURL(new RegExp(`loadId=${persons?.loadId}`));
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-quarantine-rows] tbody tr .badge').length === n,
      persons?.quarantined ?? -1,
    );
    expect(await page.locator('[data-quarantine-rows]').textContent()).toContain('ID_SCIENTIFIC');
    expect(errors).toEqual([]);
    await close();
  });

  it('masks ID numbers for an analyst and offers the unmask switch only to a caseworker', async () => {
    const analyst = await app.open('analyst');
    await analyst.page.goto('/persons');
    await analyst.page.waitForSelector('tbody .masked-value');
    const ids = await analyst.page.locator('tbody tr td:first-child').allTextContents();
    expect(ids.length).toBe(5);
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]/);
    await expect(analyst.page.locator('.unmask').count()).resolves.toBe(0);
    console.log(`persons screenshot: ${await screenshot(analyst.page, 'persons')}`);
    expect(analyst.errors).toEqual([]);
    await analyst.close();

    const caseworker = await app.open('caseworker');
    await caseworker.page.goto('/persons');
    await caseworker.page.check('.unmask input');
    await caseworker.page.waitForURL(/unmask=true/);
    await caseworker.page.waitForFunction(() => !document.querySelector('tbody .masked-value .hidden') && document.querySelectorAll('tbody tr .masked-value').length > 0);
    await caseworker.page.locator('tbody tr', { hasText: '张伟' }).click();
    // The detail link carries an opaque ref, never the ID number itself, even for an unmasked list.
    await caseworker.page.waitForURL(/\/persons\/[\w-]{30,}\?unmask=true/);
    expect(caseworker.page.url()).not.toMatch(/\d{17}[\dX]/);
    await caseworker.page.waitForSelector('.person-name');
    expect(await caseworker.page.locator('.person-name').textContent()).toBe('张伟');
    await caseworker.page.waitForSelector('.data-table tbody tr td');
    console.log(`person screenshot: ${await screenshot(caseworker.page, 'person')}`);
    expect(caseworker.errors).toEqual([]);
    await caseworker.close();
  });

  it('names regions in English when the console is in English', async () => {
    const { page, errors, close } = await app.open('analyst');
    await page.goto('/persons');
    const hukou = page.locator('tbody tr td:nth-child(6)');
    await page.waitForSelector('tbody tr td');
    expect((await hukou.allTextContents()).join(' ')).toMatch(/[区县市]/);
    await page.click('.lang-switch button:has-text("English")');
    await page.waitForFunction(() => /District|County|City/.test(document.querySelector('tbody tr td:nth-child(6)')?.textContent ?? ''));
    const names = await hukou.allTextContents();
    // Every hukou region shows its English name (Jinjiang District), none the Chinese one.
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[A-Z][^\u3400-\u9fff]+$/);
    console.log(`persons (English) screenshot: ${await screenshot(page, 'persons-en')}`);
    await page.goto('/overview'); // the chart of insured persons by region labels its bars in English too
    await page.waitForFunction(() => document.querySelectorAll('.echart canvas').length >= 3);
    await page.waitForTimeout(600);
    console.log(`overview (English) screenshot: ${await screenshot(page, 'overview-en')}`);
    await page.click('.lang-switch button:has-text("中文")');
    expect(errors).toEqual([]);
    await close();
  });
});
