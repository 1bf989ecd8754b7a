import type { Database } from '../platform/database.ts';
import { codeLists, type Code } from '../model/code-lists.ts';
import { readRegions } from './region-store.ts';
import { readOccupations } from './occupation-store.ts';

/** Fills the reference tables validation and reports join against; skipped when already filled. */
export async function loadReferenceTables(db: Database, sharedDataDir: string): Promise<void> {
  await db.run(`CREATE TABLE IF NOT EXISTS ref_region (code VARCHAR PRIMARY KEY, name VARCHAR, level INTEGER, province VARCHAR, city VARCHAR)`);
  await db.run(`CREATE TABLE IF NOT EXISTS ref_occupation (code VARCHAR PRIMARY KEY, name VARCHAR, level INTEGER, parent VARCHAR)`);
  await db.run(`CREATE TABLE IF NOT EXISTS ref_industry (code VARCHAR PRIMARY KEY, name_zh VARCHAR, name_en VARCHAR)`);
  await db.run(`CREATE TABLE IF NOT EXISTS ref_code (list VARCHAR, code VARCHAR, zh VARCHAR, en VARCHAR, alias VARCHAR)`);
  const [{ n }] = await db.query<{ n: number }>(`SELECT (SELECT count(*) FROM ref_region) * (SELECT count(*) FROM ref_occupation) AS n`);
  if (n > 0) return;
  await db.run(`DELETE FROM ref_region`);
  await db.run(`DELETE FROM ref_occupation`);
  await db.run(`DELETE FROM ref_industry`);
  await db.run(`DELETE FROM ref_code`);
  const regions = (await readRegions()).all;
  await db.append('ref_region', [
    { name: 'code', type: 'VARCHAR', values: regions.map((r) => r.code) },
    { name: 'name', type: 'VARCHAR', values: regions.map((r) => r.name) },
    { name: 'level', type: 'INTEGER', values: regions.map((r) => r.level) },
    { name: 'province', type: 'VARCHAR', values: regions.map((r) => r.province) },
    { name: 'city', type: 'VARCHAR', values: regions.map((r) => r.city) },
  ]);
  const occupations = (await readOccupations(sharedDataDir)).all;
  await db.append('ref_occupation', [
    { name: 'code', type: 'VARCHAR', values: occupations.map((o) => o.code) },
    { name: 'name', type: 'VARCHAR', values: occupations.map((o) => o.name) },
    { name: 'level', type: 'INTEGER', values: occupations.map((o) => o.level) },
    { name: 'parent', type: 'VARCHAR', values: occupations.map((o) => o.parent) },
  ]);
  const industries = codeLists.industry;
  await db.append('ref_industry', [
    { name: 'code', type: 'VARCHAR', values: industries.map((i) => i.code) },
    { name: 'name_zh', type: 'VARCHAR', values: industries.map((i) => i.zh) },
    { name: 'name_en', type: 'VARCHAR', values: industries.map((i) => i.en) },
  ]);
  const codes = Object.entries(codeLists).flatMap(([list, items]) =>
    (items as Code[]).flatMap((c) => [...new Set([c.code, c.zh, c.en, ...(c.aliases ?? [])])].map((alias) => ({ list, ...c, alias }))),
  );
  await db.append('ref_code', [
    { name: 'list', type: 'VARCHAR', values: codes.map((c) => c.list) },
    { name: 'code', type: 'VARCHAR', values: codes.map((c) => c.code) },
    { name: 'zh', type: 'VARCHAR', values: codes.map((c) => c.zh) },
    { name: 'en', type: 'VARCHAR', values: codes.map((c) => c.en) },
    { name: 'alias', type: 'VARCHAR', values: codes.map((c) => c.alias) },
  ]);
}
