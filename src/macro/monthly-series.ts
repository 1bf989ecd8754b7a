/** A monthly value; period is YYYY-MM. */
export interface MonthlyPoint {
  period: string;
  value: number;
}

export function monthIndex(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

export function periodOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export type CpiForm = 'level' | 'yoy-index' | 'yoy-percent';

/**
 * How a CPI series is expressed. Chinese statistics publish CPI as an index with the same month of the previous
 * year = 100 (e.g. 102.1); others publish index levels (e.g. 1982–84 = 100, now about 300) or y/y percentages.
 * Heuristic when not stated: values all between 90 and 115 are a y/y index unless they rise in more than 80% of
 * months (then a level near its base year); values all between −5 and 30 are y/y percentages; anything else is
 * a level. State the form explicitly when it is known.
 */
export function detectCpiForm(values: readonly number[]): CpiForm {
  if (values.length === 0) return 'level';
  const within = (lo: number, hi: number) => values.every((v) => v >= lo && v <= hi);
  if (within(90, 115)) {
    // A level index near 100 rises in almost every month; a y/y index wanders up and down around 100–105.
    let rises = 0;
    for (let i = 1; i < values.length; i++) if (values[i] > values[i - 1]) rises++;
    return values.length >= 24 && rises / (values.length - 1) > 0.8 ? 'level' : 'yoy-index';
  }
  if (within(-5, 30)) return 'yoy-percent';
  return 'level';
}

/** Year-on-year inflation in percent. Levels need the same month a year earlier; missing months are skipped. */
export function yoyInflation(cpi: readonly MonthlyPoint[], form: CpiForm): MonthlyPoint[] {
  if (form === 'yoy-percent') return cpi.map((p) => ({ ...p }));
  if (form === 'yoy-index') return cpi.map((p) => ({ period: p.period, value: p.value - 100 }));
  const byIndex = new Map(cpi.map((p) => [monthIndex(p.period), p.value]));
  const out: MonthlyPoint[] = [];
  for (const p of cpi) {
    const before = byIndex.get(monthIndex(p.period) - 12);
    if (before !== undefined && before > 0) out.push({ period: p.period, value: 100 * (p.value / before - 1) });
  }
  return out;
}

/** Pairs two series on common months, oldest first. */
export function align(a: readonly MonthlyPoint[], b: readonly MonthlyPoint[]): { period: string; a: number; b: number }[] {
  const bm = new Map(b.map((p) => [p.period, p.value]));
  return a
    .filter((p) => bm.has(p.period))
    .map((p) => ({ period: p.period, a: p.value, b: bm.get(p.period) as number }))
    .sort((x, y) => x.period.localeCompare(y.period));
}
