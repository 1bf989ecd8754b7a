import { describe, it, expect } from 'vitest';
import { splitGroups } from './split-groups.ts';

describe('splitGroups', () => {
  it('preserves each group sum and never goes negative', () => {
    const totals = [500, 480, 900, 10, 0, 300, 1200];
    const single = splitGroups(totals, 5);
    expect(single).toHaveLength(35);
    totals.forEach((t, g) => {
      const sum = single.slice(g * 5, g * 5 + 5).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(t, 9);
    });
    expect(Math.min(...single)).toBeGreaterThanOrEqual(0);
  });

  it('is smooth: a linear density stays within a year of age of a linear one (a step split would be off by 2)', () => {
    // density 10 + x over ages 0..19, grouped in fives
    const groups = [0, 1, 2, 3].map((g) => [0, 1, 2, 3, 4].reduce((s, j) => s + 10.5 + g * 5 + j, 0));
    const single = splitGroups(groups, 5);
    for (let age = 3; age < 17; age++) expect(Math.abs(single[age] - (10.5 + age))).toBeLessThan(1);
  });
});
