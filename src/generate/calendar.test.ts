import { describe, it, expect } from 'vitest';
import { addMonthsToDay, ageOn, dayOf, firstDayOfMonth, formatDay, formatMonth, lastDayOfMonth, monthIndex, parseDay, ymdOf } from './calendar.ts';

describe('calendar', () => {
  it('agrees with Date for every day from 1900 to 2100', () => {
    for (let d = dayOf(1900, 1, 1); d < dayOf(2101, 1, 1); d += 7) {
      const date = new Date(d * 86_400_000);
      expect(formatDay(d)).toBe(date.toISOString().slice(0, 10));
      const { year, month, day } = ymdOf(d);
      expect(dayOf(year, month, day)).toBe(d);
    }
  });

  it('normalises month and day overflow like Date.UTC', () => {
    expect(dayOf(2026, 13, 1)).toBe(dayOf(2027, 1, 1));
    expect(dayOf(2026, 0, 1)).toBe(dayOf(2025, 12, 1));
    expect(dayOf(2024, 2, 30)).toBe(dayOf(2024, 3, 1));
  });

  it('does month arithmetic with end-of-month clamping', () => {
    expect(formatDay(addMonthsToDay(parseDay('2026-10-31'), -6))).toBe('2026-04-30');
    expect(formatDay(addMonthsToDay(parseDay('2024-02-29'), -12))).toBe('2023-02-28');
    const m = monthIndex(2024, 2);
    expect(formatMonth(m)).toBe('2024-02');
    expect(formatDay(firstDayOfMonth(m))).toBe('2024-02-01');
    expect(formatDay(lastDayOfMonth(m))).toBe('2024-02-29');
  });

  it('counts completed years of age', () => {
    expect(ageOn(parseDay('1990-11-01'), parseDay('2026-10-31'))).toBe(35);
    expect(ageOn(parseDay('1990-10-31'), parseDay('2026-10-31'))).toBe(36);
  });
});
