/**
 * Direct load for the tags benchmark: each generated file goes straight into its entity table with one
 * `INSERT … SELECT … FROM read_csv(…)` (GBK and XLSX files are first converted by ingest's own preparer).
 * Unlike `renshe ingest` it does not validate, quarantine or repair rows: defective values become NULL and
 * exact duplicate person/employer rows are dropped. Good enough to time the tag engine at scale; ingest has
 * its own benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../src/platform/database.ts';
import { entityOf } from '../src/model/entities.ts';
import type { FieldDef } from '../src/model/field-types.ts';
import { codeLists, type Code } from '../src/model/code-lists.ts';
import { prepareSource } from '../src/ingest/file-preparer-store.ts';

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

function conversion(f: FieldDef): string {
  const x = `trim("${f.name}")`;
  switch (f.type.kind) {
    case 'date':
      return `coalesce(TRY_CAST(${x} AS DATE), TRY_CAST(TRY_STRPTIME(${x}, '%Y%m%d') AS DATE), TRY_CAST(TRY_STRPTIME(${x}, '%Y/%m/%d') AS DATE))`;
    case 'month':
      return `TRY_CAST(${x} || '-01' AS DATE)`;
    case 'decimal':
      return `TRY_CAST(${x} AS DECIMAL(18,2))`;
    case 'integer':
      return `TRY_CAST(${x} AS INTEGER)`;
    case 'boolean':
      return `CASE WHEN lower(${x}) IN ('true', '1', '是', 'y', 'yes', 't') THEN true WHEN lower(${x}) IN ('false', '0', '否', 'n', 'no', 'f') THEN false END`;
    case 'code': {
      const codes = codeLists[f.type.list] as Code[];
      const whens = codes.flatMap((c) => [c.zh, ...(c.aliases ?? [])].map((label) => `WHEN ${quote(label)} THEN ${quote(c.code)}`));
      return `CASE ${x} ${whens.join(' ')} ELSE ${x} END`;
    }
    default:
      return `nullif(${x}, '')`;
  }
}

export async function loadCityDirect(db: Database, city: string): Promise<Record<string, number>> {
  const manifest = JSON.parse(readFileSync(join(city, 'manifest.json'), 'utf8')) as { files: { file: string; entity: string }[] };
  const loaded: Record<string, number> = {};
  for (const file of manifest.files) {
    const def = entityOf(file.entity);
    const source = await prepareSource(join(city, file.file));
    try {
      const fieldOf = (header: string) => def.fields.find((f) => f.zh === header || f.name === header || f.aliases?.includes(header));
      const names = source.headers.map((h, i) => fieldOf(h)?.name ?? `unused_${i}`);
      const present = new Set(names);
      const select = def.fields.map((f) => (present.has(f.name) ? conversion(f) : 'NULL')).join(', ');
      await db.run(
        `INSERT INTO ${def.table} (${def.fields.map((f) => f.name).join(', ')}, load_id)
         SELECT ${select}, 0 FROM read_csv(${quote(source.readPath)}, header = true, all_varchar = true, delim = ${quote(source.delimiter)},
           names = [${names.map(quote).join(', ')}], null_padding = true, ignore_errors = true, strict_mode = false)`,
      );
    } finally {
      source.cleanup();
    }
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${def.table}`);
    loaded[file.entity] = n;
  }
  for (const [table, key] of [['person', 'id_number'], ['employer', 'credit_code'], ['household', 'household_id']]) {
    await db.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${table} WHERE ${key} IS NOT NULL QUALIFY row_number() OVER (PARTITION BY ${key}) = 1`);
  }
  return loaded;
}
