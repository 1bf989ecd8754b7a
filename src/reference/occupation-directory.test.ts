import { describe, it, expect } from 'vitest';
import { buildOccupationDirectory, type OccupationRow } from './occupation-directory.ts';

const row = (level: number, code: string, name = code): OccupationRow => ({ level, code, name });

describe('buildOccupationDirectory', () => {
  const dir = buildOccupationDirectory([
    row(1, '1-00-00-00'),
    row(2, '1-02-00-00'),
    row(4, '1-02-01-00', '国家权力机关负责人'),
    row(3, '1-02-05-00'),
    row(4, '1-02-05-01'),
    row(4, '1-02-05-01'),
    row(3, '2-03-01-00', '土壤肥料技术人员'),
    row(4, '2-03-01-00', '土壤肥料技术人员'),
    row(1, '2-00-00-00'),
    row(2, '2-03-00-00'),
  ]);

  it('keeps each code once, at its deepest level', () => {
    expect(dir.all.map((o) => o.code)).toEqual([
      '1-00-00-00', '1-02-00-00', '1-02-01-00', '1-02-05-00', '1-02-05-01', '2-00-00-00', '2-03-00-00', '2-03-01-00',
    ]);
    expect(dir.lookup('2-03-01-00')?.level).toBe(4);
    expect(dir.detailed.map((o) => o.code)).toEqual(['1-02-01-00', '1-02-05-01', '2-03-01-00']);
  });

  it('links each code to its nearest listed ancestor, never to itself', () => {
    expect(dir.lookup('1-02-05-01')?.parent).toBe('1-02-05-00');
    expect(dir.lookup('1-02-01-00')?.parent).toBe('1-02-00-00');
    expect(dir.lookup('2-03-01-00')?.parent).toBe('2-03-00-00');
    expect(dir.lookup('1-02-00-00')?.parent).toBe('1-00-00-00');
    expect(dir.lookup('1-00-00-00')?.parent).toBeNull();
    expect(dir.childrenOf('1-02-00-00').map((o) => o.code)).toEqual(['1-02-01-00', '1-02-05-00']);
    expect(dir.under('1-02').map((o) => o.code)).toEqual(['1-02-01-00', '1-02-05-01']);
  });
});
