import { describe, it, expect, beforeAll } from 'vitest';
import { readConfig } from '../platform/config.ts';
import { readWpp } from './wpp-store.ts';
import {
  deathRate,
  deathRates,
  fertilityRate,
  fertilitySchedule,
  lifeExpectancy,
  lifeTableE0,
  netMigration,
  populationByAge,
  sexRatioAtBirth,
  type WppData,
} from './wpp.ts';

let wpp: WppData;
beforeAll(async () => {
  wpp = await readWpp(readConfig({}).sharedDataDir);
});

const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);

describe('populationByAge', () => {
  it('preserves the five-year group sums at a data year (thousands → persons)', () => {
    const p = populationByAge(wpp, 2020);
    expect(p.male).toHaveLength(101);
    for (let g = 0; g < 20; g++) {
      expect(sum(p.male.slice(g * 5, g * 5 + 5))).toBeCloseTo(wpp.pop.male.byYear[14][g] * 1000, 0);
      expect(sum(p.female.slice(g * 5, g * 5 + 5))).toBeCloseTo(wpp.pop.female.byYear[14][g] * 1000, 0);
    }
    expect(p.female[100]).toBeCloseTo(wpp.pop.female.byYear[14][20] * 1000, 0);
    expect(Math.min(...p.male, ...p.female)).toBeGreaterThan(0);
  });

  it('gives about 1.44 billion in 2025 and differs by variant after 2025 only', () => {
    const med = populationByAge(wpp, 2025);
    expect((sum(med.male) + sum(med.female)) / 1e9).toBeGreaterThan(1.4);
    expect((sum(med.male) + sum(med.female)) / 1e9).toBeLessThan(1.5);
    const low2040 = populationByAge(wpp, 2040, 'low');
    const high2040 = populationByAge(wpp, 2040, 'high');
    expect(sum(low2040.male)).toBeLessThan(sum(high2040.male));
    expect(sum(populationByAge(wpp, 2010, 'low').male)).toBe(sum(populationByAge(wpp, 2010, 'high').male));
  });

  it('interpolates between the five-year points', () => {
    const a = sum(populationByAge(wpp, 2020).female);
    const b = sum(populationByAge(wpp, 2025).female);
    const mid = sum(populationByAge(wpp, 2022).female);
    expect(mid).toBeGreaterThan(Math.min(a, b));
    expect(mid).toBeLessThan(Math.max(a, b));
  });

  it('refuses years outside 1950–2100', () => {
    expect(() => populationByAge(wpp, 1949)).toThrow(/1950/);
    expect(() => populationByAge(wpp, 2101)).toThrow();
  });
});

describe('deathRate', () => {
  it('is positive, U-shaped and rising with age in old age', () => {
    const m = deathRates(wpp, 2025, 'male');
    expect(Math.min(...m)).toBeGreaterThan(0);
    expect(m[0]).toBeGreaterThan(m[10]);
    for (let age = 30; age < 100; age++) expect(m[age + 1]).toBeGreaterThan(m[age]);
    expect(deathRate(wpp, 2025, 'male', 60)).toBeGreaterThan(deathRate(wpp, 2025, 'female', 60));
  });

  it('reproduces WPP life expectancy (e0 about 75 men, 79 women in 2020) within half a year', () => {
    for (const sex of ['male', 'female'] as const) {
      const e0 = lifeTableE0(deathRates(wpp, 2020, sex));
      expect(Math.abs(e0 - lifeExpectancy(wpp, 2020, sex))).toBeLessThan(0.5);
    }
    const both = (lifeExpectancy(wpp, 2020, 'male') + lifeExpectancy(wpp, 2020, 'female')) / 2;
    expect(both).toBeGreaterThan(76.5);
    expect(both).toBeLessThan(79);
  });

  it('falls over time', () => {
    expect(deathRate(wpp, 2050, 'female', 70)).toBeLessThan(deathRate(wpp, 2000, 'female', 70));
  });
});

describe('fertility and other series', () => {
  it('sums single-age rates to the TFR and is zero outside 15–49', () => {
    const s = fertilitySchedule(wpp, 2025);
    expect(sum(s)).toBeGreaterThan(1.6);
    expect(sum(s)).toBeLessThan(1.8);
    expect(fertilityRate(wpp, 2025, 14)).toBe(0);
    expect(fertilityRate(wpp, 2025, 50)).toBe(0);
    expect(fertilityRate(wpp, 2025, 28)).toBeGreaterThan(0.08);
    expect(fertilityRate(wpp, 2025, 28)).toBeLessThan(0.2);
  });

  it('has plausible sex ratio at birth and net emigration', () => {
    expect(sexRatioAtBirth(wpp, 2010)).toBeGreaterThan(1.1);
    expect(sexRatioAtBirth(wpp, 2090)).toBeCloseTo(1.07, 5);
    expect(netMigration(wpp, 2025)).toBeLessThan(0);
    expect(netMigration(wpp, 2025)).toBeGreaterThan(-1e6);
  });
});
