import type { Database } from '../platform/database.ts';
import { AppError } from '../platform/errors.ts';
import { personFactSql } from './person-facts-store.ts';
import { employerFactSql } from './employer-facts-store.ts';
import { subjectKey, type FactSubject } from './fact-catalogue.ts';

export interface FactBuildOptions {
  /** As-of date, YYYY-MM-DD. */
  asOf: string;
  /** Four-digit prefecture prefix of this city (e.g. `5101`); by default the prefecture most employers are in. */
  city?: string | null;
}

export interface FactBuildResult {
  asOf: string;
  persons: number;
  employers: number;
  elapsedMs: { person: number; employer: number };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function checkAsOf(asOf: string): string {
  if (!isoDate.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) || new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) !== asOf) {
    throw new AppError('INPUT_INVALID', {
      zh: `基准日期“${asOf}”无效，请使用 YYYY-MM-DD 格式的真实日期。`,
      en: `As-of date "${asOf}" is invalid; use a real date as YYYY-MM-DD.`,
    });
  }
  return asOf;
}

/** Recomputes `person_fact` and `employer_fact` as of a date (replacing the previous ones). */
export async function buildFacts(db: Database, options: FactBuildOptions): Promise<FactBuildResult> {
  const asOf = checkAsOf(options.asOf);
  const city = options.city ?? null;
  if (city !== null && !/^\d{4}$/.test(city)) {
    throw new AppError('INPUT_INVALID', { zh: `城市代码“${city}”无效，应为 4 位数字（如 5101）。`, en: `City "${city}" is invalid; give four digits such as 5101.` });
  }
  const t0 = performance.now();
  await db.run(personFactSql, { as_of: asOf, city });
  const t1 = performance.now();
  await db.run(employerFactSql, { as_of: asOf });
  const t2 = performance.now();
  await db.run(`CREATE TABLE IF NOT EXISTS fact_state (subject VARCHAR PRIMARY KEY, as_of DATE NOT NULL, rows BIGINT NOT NULL)`);
  const [{ persons }] = await db.query<{ persons: number }>(`SELECT count(*) AS persons FROM person_fact`);
  const [{ employers }] = await db.query<{ employers: number }>(`SELECT count(*) AS employers FROM employer_fact`);
  await db.run(`INSERT OR REPLACE INTO fact_state VALUES ('person', $as_of::DATE, $p), ('employer', $as_of::DATE, $e)`, { as_of: asOf, p: persons, e: employers });
  return { asOf, persons, employers, elapsedMs: { person: Math.round(t1 - t0), employer: Math.round(t2 - t1) } };
}

/** The as-of date of the facts now in the store, or null before the first build. */
export async function readFactsAsOf(db: Database): Promise<string | null> {
  const [exists] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'fact_state'`);
  if (!exists.n) return null;
  const rows = await db.query<{ as_of: string }>(`SELECT as_of FROM fact_state WHERE subject = 'person'`);
  return rows[0]?.as_of ?? null;
}

/** One subject's fact row (every catalogue column), or null when the subject is unknown. */
export async function readFactRow(db: Database, subject: FactSubject, key: string): Promise<Record<string, unknown> | null> {
  const table = subject === 'person' ? 'person_fact' : 'employer_fact';
  const rows = await db.query(`SELECT * FROM ${table} WHERE ${subjectKey[subject]} = $key`, { key });
  return rows[0] ?? null;
}

/** Column names and DuckDB types of a built fact table (for the catalogue consistency test and docs). */
export async function readFactColumns(db: Database, subject: FactSubject): Promise<{ name: string; type: string }[]> {
  const table = subject === 'person' ? 'person_fact' : 'employer_fact';
  return db.query<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = $t ORDER BY ordinal_position`,
    { t: table },
  );
}
