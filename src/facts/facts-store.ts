import type { Database, SqlValue } from '../platform/database.ts';
import { AppError } from '../platform/errors.ts';
import { personFactSelect } from './person-facts-store.ts';
import { employerFactSelect } from './employer-facts-store.ts';
import { contributionGroupsSql } from './contribution-groups-store.ts';
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

function checkCity(city: string | null): string | null {
  if (city !== null && !/^\d{4}$/.test(city)) {
    throw new AppError('INPUT_INVALID', { zh: `城市代码“${city}”无效，应为 4 位数字（如 5101）。`, en: `City "${city}" is invalid; give four digits such as 5101.` });
  }
  return city;
}

export const factTable: Record<FactSubject, string> = { person: 'person_fact', employer: 'employer_fact' };

/** The one pass over contributions both subjects' facts read (a temporary table on this connection). */
async function prepareFactInputs(db: Database, asOf: string): Promise<void> {
  await db.run(contributionGroupsSql, { as_of: asOf });
}

/** Creates or replaces `name` as a table or a view, whichever kind the name had before. */
export async function replaceRelation(db: Database, name: string, kind: 'table' | 'view', select: string, params: Record<string, SqlValue> = {}): Promise<void> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`bad relation name ${name}`);
  const [existing] = await db.query<{ t: string }>(`SELECT table_type AS t FROM information_schema.tables WHERE table_name = $n`, { n: name });
  if (existing) await db.run(existing.t === 'VIEW' ? `DROP VIEW ${name}` : `DROP TABLE ${name}`);
  await db.run(`CREATE ${kind === 'table' ? 'TABLE' : 'VIEW'} ${name} AS ${select}`, params);
}

/**
 * Tables built row for row from the fact tables (the tag build's `person_tag` / `employer_tag`, read with a
 * positional join). New facts would misalign them, so they go when the facts are rebuilt; a tag build
 * recreates them right after.
 */
const alignedWithFacts = ['person_tag', 'employer_tag'];

/** Notes the as-of date and row counts of the facts now in the store. */
export async function recordFactState(db: Database, asOf: string): Promise<{ persons: number; employers: number }> {
  await db.run(`CREATE TABLE IF NOT EXISTS fact_state (subject VARCHAR PRIMARY KEY, as_of DATE NOT NULL, rows BIGINT NOT NULL)`);
  const [{ persons }] = await db.query<{ persons: number }>(`SELECT count(*) AS persons FROM person_fact`);
  const [{ employers }] = await db.query<{ employers: number }>(`SELECT count(*) AS employers FROM employer_fact`);
  await db.run(`INSERT OR REPLACE INTO fact_state VALUES ('person', $as_of::DATE, $p), ('employer', $as_of::DATE, $e)`, { as_of: asOf, p: persons, e: employers });
  return { persons, employers };
}

/** Recomputes `person_fact` and `employer_fact` as of a date (replacing the previous ones and what aligned with them). */
export async function buildFacts(db: Database, options: FactBuildOptions): Promise<FactBuildResult> {
  const asOf = checkAsOf(options.asOf);
  const city = checkCity(options.city ?? null);
  const t0 = performance.now();
  for (const table of alignedWithFacts) await db.run(`DROP TABLE IF EXISTS ${table}`);
  await prepareFactInputs(db, asOf);
  await replaceRelation(db, 'person_fact', 'table', personFactSelect, { as_of: asOf, city });
  const t1 = performance.now();
  await replaceRelation(db, 'employer_fact', 'table', employerFactSelect, { as_of: asOf });
  await db.run(`DROP TABLE IF EXISTS fact_contribution_group`);
  const t2 = performance.now();
  const counts = await recordFactState(db, asOf);
  return { asOf, ...counts, elapsedMs: { person: Math.round(t1 - t0), employer: Math.round(t2 - t1) } };
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
  const rows = await db.query(`SELECT * FROM ${factTable[subject]} WHERE ${subjectKey[subject]} = $key`, { key });
  return rows[0] ?? null;
}

/** Column names and DuckDB types of the built facts (for the catalogue consistency test and docs). */
export async function readFactColumns(db: Database, subject: FactSubject): Promise<{ name: string; type: string }[]> {
  return db.query<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = $t ORDER BY ordinal_position`,
    { t: factTable[subject] },
  );
}
