/**
 * The WPP 2019 China tables as plain arrays, and the pure parser from their tab-separated text.
 * Values keep the source units (thousands of persons, rates per person-year, percentages).
 */
export type Variant = 'low' | 'medium' | 'high';
export type Sex = 'male' | 'female';

/** Five-year age groups 0-4 … 95-99 and the open group 100+, as the source lists them. */
export const POP_GROUPS = 21;
/** Abridged life-table ages of mx: 0, 1, 5, 10, …, 100. */
export const MX_AGES: readonly number[] = [0, 1, ...Array.from({ length: 20 }, (_, i) => 5 * (i + 1))];
/** Mother's age groups of percentASFR: 15-19 … 45-49. */
export const ASFR_GROUP_STARTS: readonly number[] = [15, 20, 25, 30, 35, 40, 45];

export interface PopulationTable {
  /** Mid-year (1 July) reference years, ascending. */
  years: number[];
  /** byYear[i][g]: thousands of persons in group g at years[i]. */
  byYear: number[][];
}

export interface PeriodSeries {
  /** First year of each five-year period (1950 for 1950-1955), ascending. */
  periodStarts: number[];
  values: number[];
}

export interface WppData {
  pop: { male: PopulationTable; female: PopulationTable };
  /** Projections from 2025 by variant (each starting from the observed 2020). */
  popProjection: Record<Variant, { male: PopulationTable; female: PopulationTable }>;
  /** Central death rates: mx[sex].byPeriod[p][a] for MX_AGES[a] in period periodStarts[p]. */
  mx: Record<Sex, { periodStarts: number[]; byPeriod: number[][] }>;
  /** Total fertility, observed periods followed by the medium projection. */
  tfr: PeriodSeries;
  /** percentASFR.byPeriod[p][g]: percent of TFR in ASFR_GROUP_STARTS[g]. */
  percentAsfr: { periodStarts: number[]; byPeriod: number[][] };
  sexRatioAtBirth: PeriodSeries;
  /** Net migrants over each five-year period, thousands. */
  migration: PeriodSeries;
  e0: Record<Sex, PeriodSeries>;
}

export interface TsvTable {
  header: string[];
  rows: string[][];
}

export function parseTsv(text: string): TsvTable {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const [head, ...rest] = lines;
  return { header: head.split('\t'), rows: rest.map((l) => l.split('\t')) };
}

const periodStartOf = (label: string): number | null => {
  const m = /^(\d{4})-(\d{4})$/.exec(label);
  return m ? Number(m[1]) : null;
};

/** Columns whose header is a year (population) or a period `1950-1955` (rates). */
function timeColumns(t: TsvTable): { index: number; year: number }[] {
  const out: { index: number; year: number }[] = [];
  t.header.forEach((h, index) => {
    if (/^\d{4}$/.test(h)) out.push({ index, year: Number(h) });
    else {
      const p = periodStartOf(h);
      if (p !== null) out.push({ index, year: p });
    }
  });
  return out;
}

export function toPopulationTable(t: TsvTable): PopulationTable {
  const cols = timeColumns(t);
  if (t.rows.length !== POP_GROUPS) throw new Error(`expected ${POP_GROUPS} age groups, got ${t.rows.length}`);
  return {
    years: cols.map((c) => c.year),
    byYear: cols.map((c) => t.rows.map((r) => Number(r[c.index]))),
  };
}

/** Age-by-period tables (mx, percentASFR): one row per age, transposed to one array per period. */
export function toAgePeriodTable(t: TsvTable): { periodStarts: number[]; byPeriod: number[][] } {
  const cols = timeColumns(t);
  return {
    periodStarts: cols.map((c) => c.year),
    byPeriod: cols.map((c) => t.rows.map((r) => Number(r[c.index]))),
  };
}

/** One-row period tables (tfr, e0, sex ratio, migration). */
export function toPeriodSeries(t: TsvTable): PeriodSeries {
  const cols = timeColumns(t);
  const row = t.rows[0];
  return { periodStarts: cols.map((c) => c.year), values: cols.map((c) => Number(row[c.index])) };
}

export function concatSeries(a: PeriodSeries, b: PeriodSeries): PeriodSeries {
  const seen = new Set(a.periodStarts);
  const periodStarts = [...a.periodStarts];
  const values = [...a.values];
  b.periodStarts.forEach((p, i) => {
    if (!seen.has(p)) {
      periodStarts.push(p);
      values.push(b.values[i]);
    }
  });
  return { periodStarts, values };
}
