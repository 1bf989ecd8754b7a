import { describe, it, expect } from 'vitest';
import { projectPopulation, totalPopulation } from './cohort-projection.ts';
import { buildDemographicInputs } from './demographic-inputs.ts';
import { readWpp } from '../demography/wpp-store.ts';
import { populationByAge } from '../demography/wpp.ts';
import { resolve } from 'node:path';
import { aDemography } from './actuarial-test-builders.ts';

const plain = { fertilityMultiplier: 1, mortalityMultiplier: 1, migrationMultiplier: 1, migrationAges: [18, 40] as [number, number], scale: 1 };

describe('projectPopulation', () => {
  it('ages every cohort by a year and keeps the open group when nobody dies or is born', () => {
    const p = projectPopulation(aDemography({ perAge: 1000 }), plain, 3);
    expect(p.male[1][0]).toBe(0);
    expect(p.male[1][1]).toBe(1000);
    expect(p.male[3][100]).toBe(1000 * 4); // 97, 98, 99 joined the 100+ group
    expect(totalPopulation(p, 3)).toBe(2 * 1000 * 101); // nobody leaves
  });

  it('survives with q = m / (1 + m/2)', () => {
    const p = projectPopulation(aDemography({ perAge: 1000, mx: 0.02 }), plain, 1);
    expect(p.female[1][50]).toBeCloseTo(1000 * (1 - 0.02 / 1.01), 9);
  });

  it('gives births from the fertility schedule, split by the sex ratio, scaled by the multiplier', () => {
    const p = projectPopulation(aDemography({ perAge: 1000, fertility: 0.05 }), { ...plain, fertilityMultiplier: 0.5 }, 1);
    expect(p.births[0]).toBeCloseTo(35 * 1000 * 0.05 * 0.5, 9);
    expect(p.male[1][0] / p.female[1][0]).toBeCloseTo(1.05, 9);
  });

  it('spreads net migrants over the migration ages, half of each sex, and scales everything', () => {
    const p = projectPopulation(aDemography({ perAge: 1000, migration: -2300 }), { ...plain, scale: 0.5 }, 1);
    expect(p.male[1][20]).toBeCloseTo(500 - (2300 * 0.5) / 23 / 2, 9);
    expect(p.male[1][50]).toBe(500);
  });

  it('stays within 2 % of WPP 2019’s own medium projection of the total to 2050', async () => {
    const wpp = await readWpp(resolve(import.meta.dirname, '../../../shared/data'));
    const demo = buildDemographicInputs(wpp, 2020, 2050, 'medium');
    const p = projectPopulation(demo, plain, 30);
    const wppTotal = (year: number) => {
      const w = populationByAge(wpp, year, 'medium');
      return [...w.male, ...w.female].reduce((a, b) => a + b, 0);
    };
    for (const i of [10, 20, 30]) expect(Math.abs(totalPopulation(p, i) / wppTotal(2020 + i) - 1)).toBeLessThan(0.02);
  });
});
