import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { useBrowserApp } from '../support/browser-app.ts';

describe('retirement calculator and fund projections (browser)', () => {
  const app = useBrowserApp();

  it('computes a retirement month and a hand-entered pension estimate', async () => {
    const { page, errors, close } = await app.open('analyst');
    await page.goto('/actuarial/retirement');
    await page.fill('[data-birth]', '1970-01');
    await page.selectOption('[data-category]', 'male');
    await page.click('[data-calculate]');
    await page.waitForSelector('[data-result]');
    expect(await page.locator('[data-month]').textContent()).toBe('2031-05');
    expect(await page.locator('[data-age]').textContent()).toContain('61');
    expect(await page.locator('[data-min]').textContent()).toContain('16');
    await page.fill('[data-wage]', '12000');
    await page.click('[data-run-estimate]');
    await page.waitForSelector('[data-estimate-result]');
    expect(await page.locator('[data-total]').textContent()).toMatch(/^¥[\d,]+\.\d\d$/);
    console.log(`retirement screenshot: ${await screenshot(page, 'retirement')}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('projects three pension scenarios side by side with charts, sensitivity and assumptions', async () => {
    const { page, errors, close } = await app.open('analyst');
    await page.goto('/actuarial');
    await page.waitForSelector('[data-scenario="reform-2025"].active');
    await page.click('[data-run]');
    await page.waitForFunction(() => document.querySelectorAll('[data-comparison] tbody tr').length === 3);
    const depletion = await page.locator('[data-depletion]').allTextContents();
    expect(depletion.map(Number).every((y) => y > 2025 && y < 2100)).toBe(true);
    await page.waitForFunction(() => document.querySelectorAll('.echart canvas').length >= 3);
    expect(await page.locator('[data-sensitivity] tbody tr').count()).toBe(8);
    expect(await page.locator('[data-assumptions] tbody tr').count()).toBeGreaterThan(0);
    console.log(`actuarial screenshot: ${await screenshot(page, 'actuarial')}`);
    expect(errors).toEqual([]);
    await close();
  });
});
