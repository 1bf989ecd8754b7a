import { AppError } from '../platform/errors.ts';

/**
 * Calendar months as one integer (year × 12 + month − 1), so "birth month plus an age" is plain addition and
 * never trips over month ends or time zones.
 */
export type MonthIndex = number;

export interface AgeInMonths {
  years: number;
  months: number;
}

const pattern = /^(\d{4})-(\d{2})$/;

export function isYearMonth(text: string): boolean {
  const m = pattern.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function parseYearMonth(text: string): MonthIndex {
  const m = pattern.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new AppError('INPUT_INVALID', {
      zh: `月份格式应为 YYYY-MM（如 1970-01），收到「${text}」。`,
      en: `A month must look like YYYY-MM (e.g. 1970-01); got "${text}".`,
    });
  }
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function formatYearMonth(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function yearOf(index: MonthIndex): number {
  return Math.floor(index / 12);
}

export function ageToMonths(age: AgeInMonths): number {
  return age.years * 12 + age.months;
}

export function monthsToAge(total: number): AgeInMonths {
  return { years: Math.floor(total / 12), months: total % 12 };
}
