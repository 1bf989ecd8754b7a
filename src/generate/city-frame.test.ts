import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { generatorParamsSchema } from './generator-params.ts';
import { retirementMonth } from './city-frame.ts';
import { monthIndex, formatMonth } from './calendar.ts';

const params = generatorParamsSchema.parse(JSON.parse(readFileSync(new URL('../../data/policy/generator/default.json', import.meta.url), 'utf8')));
const retire = (birth: string, sex: '1' | '2', cadre = false) => {
  const [y, m] = birth.split('-').map(Number);
  return formatMonth(retirementMonth(params, monthIndex(y, m), sex, cadre));
};

describe('retirementMonth (2024 decision, in force 2025)', () => {
  it('keeps the original ages for earlier cohorts', () => {
    expect(retire('1964-12', '1')).toBe('2024-12');
    expect(retire('1974-12', '2')).toBe('2024-12');
    expect(retire('1969-12', '2', true)).toBe('2024-12');
  });

  it('adds a month per four months of birth for men and women of 55, per two months for women of 50', () => {
    expect(retire('1965-01', '1')).toBe('2025-02');
    expect(retire('1965-05', '1')).toBe('2025-07');
    expect(retire('1970-01', '2', true)).toBe('2025-02');
    expect(retire('1975-01', '2')).toBe('2025-02');
    expect(retire('1975-03', '2')).toBe('2025-05');
  });

  it('stops at 63, 58 and 55', () => {
    expect(retire('1980-01', '1')).toBe(formatMonth(monthIndex(2043, 1)));
    expect(retire('1990-01', '2', true)).toBe(formatMonth(monthIndex(2048, 1)));
    expect(retire('1990-01', '2')).toBe(formatMonth(monthIndex(2045, 1)));
  });
});
