import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadSignalParams, loadSignalSchedule } from './macro-store.ts';

const policyDir = resolve(import.meta.dirname, '../../data/policy');

describe('signal parameter files', () => {
  it("follows the government work reports' CPI targets year by year", () => {
    const target = (date: string) => loadSignalParams(policyDir, date).inflationTarget;
    expect([target('2012-06-01'), target('2014-06-01'), target('2016-06-01'), target('2019-12-31')]).toEqual([4, 3.5, 3, 3]);
    expect([target('2020-06-01'), target('2021-01-01'), target('2024-12-31'), target('2025-01-01'), target('2026-10-31')]).toEqual([3.5, 3, 3, 2, 2]);
    const schedule = loadSignalSchedule(policyDir);
    expect(schedule.map((v) => v.effectiveFrom)).toEqual([...schedule.map((v) => v.effectiveFrom)].sort());
    expect(schedule.every((v) => v.source?.includes('政府工作报告'))).toBe(true);
  });

  it('refuses a file with two versions on the same date, or a bad date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renshe-macro-policy-'));
    try {
      mkdirSync(join(dir, 'macro'));
      const write = (versions: unknown[]) => writeFileSync(join(dir, 'macro', 'signal-CN.json'), JSON.stringify({ region: 'CN', versions }));
      write([{ effectiveFrom: '2025-01-01', inflationTarget: 2 }, { effectiveFrom: '2025-01-01', inflationTarget: 3 }]);
      expect(() => loadSignalSchedule(dir)).toThrow(/same effectiveFrom|share an effectiveFrom/);
      write([{ effectiveFrom: '2025-1-1', inflationTarget: 2 }]);
      expect(() => loadSignalSchedule(dir)).toThrow(/invalid/);
      write([{ effectiveFrom: '2025-01-01', inflationTarget: 2 }]);
      expect(loadSignalSchedule(dir)[0]).toMatchObject({ inflationTarget: 2, band: 1, trendMonths: 36 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
