import type { Database } from '../platform/database.ts';
import { codeLists, type Code } from '../model/code-lists.ts';
import { readRegions } from './region-store.ts';
import { readOccupations } from './occupation-store.ts';

const ddl = [
  `CREATE TABLE IF NOT EXISTS ref_region (code VARCHAR, name VARCHAR, level INTEGER, province VARCHAR, city VARCHAR, name_en VARCHAR)`,
  // Tables made before English names existed get the column (last, as in the CREATE) and are refilled below.
  `ALTER TABLE ref_region ADD COLUMN IF NOT EXISTS name_en VARCHAR`,
  `CREATE TABLE IF NOT EXISTS ref_occupation (code VARCHAR, name VARCHAR, level INTEGER, parent VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS ref_industry (code VARCHAR, name_zh VARCHAR, name_en VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS ref_code (list VARCHAR, code VARCHAR, zh VARCHAR, en VARCHAR, alias VARCHAR)`,
];

export interface RefCodeRow {
  list: string;
  code: string;
  zh: string;
  en: string;
  alias: string;
}

/**
 * One row per (list, alias): the code itself, its Chinese and English labels and every alias in code-lists.ts,
 * so ingest maps a label to its code with one equi-join. An alias claimed by two codes of one list keeps the
 * first, so the join can never multiply rows (test/integration/reference.test.ts checks there are none).
 */
export function refCodeRows(): RefCodeRow[] {
  const rows: RefCodeRow[] = [];
  for (const [list, items] of Object.entries(codeLists)) {
    const seen = new Set<string>();
    for (const c of items as Code[]) {
      for (const alias of [c.code, c.zh, c.en, ...(c.aliases ?? [])]) {
        if (seen.has(alias)) continue;
        seen.add(alias);
        rows.push({ list, code: c.code, zh: c.zh, en: c.en, alias });
      }
    }
  }
  return rows;
}

/**
 * Whether ref_region has English names: a database loaded before they existed lacks the column until its next
 * ingest, so readers return null English names there instead of failing.
 */
export async function hasRegionNamesEn(db: Database): Promise<boolean> {
  if (named.has(db)) return true;
  const [{ n }] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'ref_region' AND column_name = 'name_en'`,
  );
  // Once there, the column stays: remember only the yes, so a database upgraded by an ingest is seen at once.
  if (n > 0) named.add(db);
  return n > 0;
}

const named = new WeakSet<Database>();

/**
 * The SQL for the English name of the ref_region row joined as `alias`: `r.name_en`, or `NULL` where the column is
 * missing (see hasRegionNamesEn). `alias` is a table alias written in the caller's SQL, never user input.
 */
export async function regionNameEnSql(db: Database, alias = 'r'): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return (await hasRegionNamesEn(db)) ? `${alias}.name_en` : 'NULL';
}

/**
 * Creates and fills ref_region, ref_occupation, ref_industry and ref_code. Idempotent: skipped when all four
 * are filled (and regions have English names); otherwise all four are refilled in one transaction, so a crash
 * never leaves half a table.
 */
export async function loadReferenceTables(db: Database, sharedDataDir: string): Promise<void> {
  for (const sql of ddl) await db.run(sql);
  const [{ stale }] = await db.query<{ stale: number }>(
    `SELECT ((SELECT count(*) FROM ref_region) = 0)::INTEGER + ((SELECT count(*) FROM ref_occupation) = 0)::INTEGER
          + ((SELECT count(*) FROM ref_industry) = 0)::INTEGER + ((SELECT count(*) FROM ref_code) = 0)::INTEGER
          + (EXISTS (SELECT 1 FROM ref_region WHERE name_en IS NULL))::INTEGER AS stale`,
  );
  if (stale === 0) return;
  const regions = (await readRegions()).all;
  const occupations = (await readOccupations(sharedDataDir)).all;
  const industries = codeLists.industry;
  const codes = refCodeRows();
  await db.transaction(async (tx) => {
    for (const table of ['ref_region', 'ref_occupation', 'ref_industry', 'ref_code']) await tx.run(`DELETE FROM ${table}`);
    await tx.append('ref_region', [
      { name: 'code', type: 'VARCHAR', values: regions.map((r) => r.code) },
      { name: 'name', type: 'VARCHAR', values: regions.map((r) => r.name) },
      { name: 'level', type: 'INTEGER', values: regions.map((r) => r.level) },
      { name: 'province', type: 'VARCHAR', values: regions.map((r) => r.province) },
      { name: 'city', type: 'VARCHAR', values: regions.map((r) => r.city) },
      { name: 'name_en', type: 'VARCHAR', values: regions.map((r) => r.nameEn) },
    ]);
    await tx.append('ref_occupation', [
      { name: 'code', type: 'VARCHAR', values: occupations.map((o) => o.code) },
      { name: 'name', type: 'VARCHAR', values: occupations.map((o) => o.name) },
      { name: 'level', type: 'INTEGER', values: occupations.map((o) => o.level) },
      { name: 'parent', type: 'VARCHAR', values: occupations.map((o) => o.parent) },
    ]);
    await tx.append('ref_industry', [
      { name: 'code', type: 'VARCHAR', values: industries.map((i) => i.code) },
      { name: 'name_zh', type: 'VARCHAR', values: industries.map((i) => i.zh) },
      { name: 'name_en', type: 'VARCHAR', values: industries.map((i) => i.en) },
    ]);
    await tx.append('ref_code', [
      { name: 'list', type: 'VARCHAR', values: codes.map((c) => c.list) },
      { name: 'code', type: 'VARCHAR', values: codes.map((c) => c.code) },
      { name: 'zh', type: 'VARCHAR', values: codes.map((c) => c.zh) },
      { name: 'en', type: 'VARCHAR', values: codes.map((c) => c.en) },
      { name: 'alias', type: 'VARCHAR', values: codes.map((c) => c.alias) },
    ]);
  });
}
