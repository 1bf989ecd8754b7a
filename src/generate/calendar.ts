/**
 * Dates as integer day numbers (days since 1970-01-01, UTC) and months as integer month indexes
 * (year × 12 + month − 1): the generator does arithmetic on integers and formats through caches, because it
 * writes tens of millions of dates.
 */
const CACHE_FIRST_DAY = dayOf(1900, 1, 1);
const CACHE_LAST_DAY = dayOf(2101, 1, 1);
const dayCache: (string | undefined)[] = new Array(CACHE_LAST_DAY - CACHE_FIRST_DAY);
const MONTH_STRING_FIRST = 1900 * 12;
const monthCache: (string | undefined)[] = new Array(201 * 12);

/** Days since 1970-01-01 of a proleptic Gregorian date (integer arithmetic; day may overflow the month). */
export function dayOf(year: number, month: number, day: number): number {
  if (month < 1 || month > 12) {
    year += Math.floor((month - 1) / 12);
    month = ((((month - 1) % 12) + 12) % 12) + 1;
  }
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdOf(day: number): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (m <= 2 ? 1 : 0), month: m, day: d };
}

export function parseDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** YYYY-MM-DD. */
export function formatDay(day: number): string {
  const i = day - CACHE_FIRST_DAY;
  if (i >= 0 && i < dayCache.length) {
    const hit = dayCache[i];
    if (hit !== undefined) return hit;
  }
  const { year, month, day: d } = ymdOf(day);
  const s = `${year}-${pad2(month)}-${pad2(d)}`;
  if (i >= 0 && i < dayCache.length) dayCache[i] = s;
  return s;
}

export const monthIndex = (year: number, month: number) => year * 12 + month - 1;
export const yearOfMonth = (mi: number) => Math.floor(mi / 12);
/** 1..12 */
export const monthOfYear = (mi: number) => (mi % 12) + 1;

export function monthOfDay(day: number): number {
  const { year, month } = ymdOf(day);
  return monthIndex(year, month);
}

/** YYYY-MM. */
export function formatMonth(mi: number): string {
  const i = mi - MONTH_STRING_FIRST;
  const hit = i >= 0 && i < monthCache.length ? monthCache[i] : undefined;
  if (hit !== undefined) return hit;
  const s = `${yearOfMonth(mi)}-${pad2(monthOfYear(mi))}`;
  if (i >= 0 && i < monthCache.length) monthCache[i] = s;
  return s;
}

const MONTH_CACHE_FIRST = monthIndex(1900, 1);
const monthStarts = new Int32Array(monthIndex(2101, 1) - MONTH_CACHE_FIRST + 1).fill(-2_147_483_648);

export function firstDayOfMonth(mi: number): number {
  const i = mi - MONTH_CACHE_FIRST;
  if (i < 0 || i >= monthStarts.length) return dayOf(yearOfMonth(mi), monthOfYear(mi), 1);
  let d = monthStarts[i];
  if (d === -2_147_483_648) {
    d = dayOf(yearOfMonth(mi), monthOfYear(mi), 1);
    monthStarts[i] = d;
  }
  return d;
}
export const lastDayOfMonth = (mi: number) => firstDayOfMonth(mi + 1) - 1;
export const daysInMonth = (mi: number) => firstDayOfMonth(mi + 1) - firstDayOfMonth(mi);

/** The same calendar day `months` later (clamped to the month's end), e.g. for "within 12 months of". */
export function addMonthsToDay(day: number, months: number): number {
  const { year, month, day: d } = ymdOf(day);
  const mi = monthIndex(year, month) + months;
  return firstDayOfMonth(mi) + Math.min(d, daysInMonth(mi)) - 1;
}

/** Whole years of age on `day` for someone born on `birthDay`. */
export function ageOn(birthDay: number, day: number): number {
  const b = ymdOf(birthDay);
  const t = ymdOf(day);
  let age = t.year - b.year;
  if (t.month < b.month || (t.month === b.month && t.day < b.day)) age--;
  return age;
}
