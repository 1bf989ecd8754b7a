import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { aPerson } from './console-fixture.ts';
import { useBrowserApp } from '../support/browser-app.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { readTagCatalogue } from '../../src/tags/tag-catalogue-store.ts';
import { runTagBuild } from '../../src/tags/tag-build-store.ts';

describe('segment builder, tag catalogue and profiles (browser)', () => {
  const app = useBrowserApp({
    // The fixture city's contributions are for 2024; build the tags as of its end.
    seed: (server) => runTagBuild(server.db, readTagCatalogue(), { asOf: '2024-12-31' }, fixedClock('2025-01-02T08:00:00Z')),
  });

  it('builds a segment and sees its live count, its breakdown charts and a masked sample', async () => {
    const { page, errors, close } = await app.open('analyst');
    await page.goto('/segments');
    await page.fill('[data-segment-expr]', 'tag:under_60');
    await page.fill('[data-segment-regions]', '110108');
    // Under 60 on 2024-12-31 with hukou in Haidian (110108): 王芳 (46) and 刘洋 (23).
    await page.waitForFunction(() => document.querySelector('[data-segment-count]')?.textContent?.trim() === '2');
    await page.waitForFunction(() => document.querySelectorAll('[data-breakdown] .echart canvas').length === 3);
    const widths = await page.locator('[data-breakdown] .echart canvas').evaluateAll((els) => els.map((c) => (c as HTMLCanvasElement).width));
    expect(widths.every((w) => w > 100)).toBe(true);
    await page.waitForFunction(() => document.querySelectorAll('[data-segment-sample] tbody tr td:first-child .masked-value').length === 2);
    const ids = await page.locator('[data-segment-sample] tbody tr td:first-child').allTextContents();
    for (const id of ids) expect(id).toMatch(/^110108\*{8}/);

    // Widening to the whole city adds the Chaoyang members.
    await page.fill('[data-segment-regions]', '110100');
    await page.waitForFunction(() => document.querySelector('[data-segment-count]')?.textContent?.trim() === '4');
    await page.waitForTimeout(500);
    console.log(`segment screenshot: ${await screenshot(page, 'segment-builder')}`);

    // A typo is refused with its position, in Chinese first.
    await page.fill('[data-segment-expr]', 'agee < 60');
    await page.waitForSelector('.error-note');
    expect(await page.locator('.error-note').textContent()).toContain('第 1 行第 1 列');
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await close();
  });

  it('lists the tag catalogue with counts and opens a person’s profile with their tags', async () => {
    const { page, errors, close } = await app.open('analyst');
    await page.goto('/tags');
    await page.waitForSelector('[data-tags] tbody tr td');
    const arrears = page.locator('[data-tags] tbody tr').filter({ has: page.locator('td:nth-child(2)', { hasText: /^in_arrears$/ }) });
    // 刘洋's October–December 2024 contributions are due and unpaid: one person in arrears.
    expect(await arrears.locator('td:nth-child(5)').textContent()).toBe('1');
    await arrears.click();
    await page.waitForSelector('[data-tag-detail] .echart canvas');
    const liu = aPerson({ seq: 44, name: '刘洋', birth: '2001-02-28', region: '110108' });
    await page.goto(`/persons/${liu.id}/profile`);
    await page.waitForSelector('[data-profile-tags] .badge');
    expect(await page.locator('[data-profile-tags]').textContent()).toContain('欠费人员');
    expect(await page.locator('[data-timeline]').textContent()).toContain('入职');
    console.log(`profile screenshot: ${await screenshot(page, 'person-profile')}`);
    expect(errors).toEqual([]);
    await close();
  });
});
