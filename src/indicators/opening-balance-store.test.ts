import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadOpeningBalances } from './opening-balance-store.ts';

describe('fund opening balance files', () => {
  it('loads the illustrative demo file for 成都 and nothing when the folder is absent', () => {
    const all = loadOpeningBalances(resolve(import.meta.dirname, '../../data/policy'));
    expect(all).toContainEqual(expect.objectContaining({ region: '510100', scheme: '210', effectiveFrom: '2023-11-01', illustrative: true }));
    expect(all.every((b) => Number.isFinite(b.amount))).toBe(true);
    const empty = mkdtempSync(join(tmpdir(), 'renshe-funds-'));
    try {
      expect(loadOpeningBalances(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses dates inside a month, unknown schemes, duplicates and a region that is not the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renshe-funds-'));
    mkdirSync(join(dir, 'funds'));
    const write = (doc: unknown, name = 'opening-balance-510100.json') => writeFileSync(join(dir, 'funds', name), JSON.stringify(doc));
    const one = { scheme: '210', effectiveFrom: '2024-01-01', amount: 1000 };
    try {
      write({ region: '510100', balances: [{ ...one, effectiveFrom: '2024-01-15' }] });
      expect(() => loadOpeningBalances(dir)).toThrow(/first day of a month/);
      write({ region: '510100', balances: [{ ...one, scheme: '999' }] });
      expect(() => loadOpeningBalances(dir)).toThrow(/invalid/);
      write({ region: '510100', balances: [one, { ...one, amount: 2000 }] });
      expect(() => loadOpeningBalances(dir)).toThrow(/two balances for one scheme on one date/);
      write({ region: '510700', balances: [one] });
      expect(() => loadOpeningBalances(dir)).toThrow(/opening-balance-510700\.json/);
      write({ region: '510100', balances: [one, { ...one, effectiveFrom: '2025-01-01', amount: -50 }] });
      expect(loadOpeningBalances(dir)).toEqual([
        { region: '510100', scheme: '210', effectiveFrom: '2024-01-01', amount: 1000, source: null, illustrative: false },
        { region: '510100', scheme: '210', effectiveFrom: '2025-01-01', amount: -50, source: null, illustrative: false },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
