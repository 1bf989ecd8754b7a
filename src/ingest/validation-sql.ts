import type { FieldDef } from '../model/field-types.ts';
import { sqlTypeOf } from '../model/field-types.ts';
import type { HeaderMapping } from './header-mapping.ts';
import { crossFieldChecks, fieldSql, qualify, quote, type FieldSql } from './field-checks.ts';

export { ingestMacros } from './field-checks.ts';

/**
 * Builds the set-based validation of one staged file (`stg_raw`: columns c0…cN as text, its rowid `k` in
 * file order) from the data model. Nothing the size of the file is materialised between steps: the checks
 * run as one query over the staged rows, and only rows with a problem or a repair (`notes`) and repeated
 * keys (`dup`) are kept; the load then re-reads the staged rows once more, minus those it must drop.
 * Identity values (ID numbers, credit codes) are checked per distinct value in lookup tables (`lk_<field>`),
 * which also answer whether a referenced person or employer exists: a contribution file names each person
 * dozens of times, and the checks cost far more than the join.
 */
export interface ValidationSql {
  /** One `CREATE TEMP TABLE lk_<field>(v, e, n, known)` per identity field. */
  lookups: string[];
  /** Creates `notes(k, problems STRUCT(r VARCHAR, f VARCHAR)[], repairs VARCHAR[])` for rows with any problem or repair. */
  createNotes: string;
  /** Creates `dup_key(h)`: hashes of keys that occur more than once among rows without problems. */
  createDuplicateKeys: string;
  /** Creates `dup(k, reason)`: every later row repeating an earlier row's key (needs `dup_key`). */
  createDuplicates: string;
  /** Inserts the canonical values of every staged row not in `dropped(k)`; binds `$id`. */
  insertLoaded: string;
}

const referenceTarget: Record<NonNullable<FieldDef['references']>, { table: string; key: string; reason: string }> = {
  person: { table: 'person', key: 'id_number', reason: 'REF_UNKNOWN_PERSON' },
  employer: { table: 'employer', key: 'credit_code', reason: 'REF_UNKNOWN_EMPLOYER' },
  training_course: { table: 'training_course', key: 'course_id', reason: 'REF_UNKNOWN_COURSE' },
};

/**
 * The trimmed text of staged column `i`, NULL when empty. `trim` costs ten times a LIKE test, and values with
 * an outer space are rare: only those are trimmed (`trim` removes spaces only, as the test does).
 */
const rawValue = (i: number) => `CASE WHEN c${i} LIKE ' %' OR c${i} LIKE '% ' THEN nullif(trim(c${i}), '') ELSE nullif(c${i}, '') END`;

const macros = { id: ['renshe_id_reason', 'renshe_id_normalise'], credit: ['renshe_credit_reason', 'renshe_credit_normalise'] } as const;

/** The canonical form of a valid identity value: a clean 18-character value only needs upper-casing; the rare
 * others (15-digit IDs, stray spaces) are rebuilt. Lookups and the later passes must agree on it. */
const canonicalIdentity = (kind: keyof typeof macros, v: string) => `CASE WHEN length(${v}) = 18 THEN upper(${v}) ELSE ${macros[kind][1]}(${v}) END`;

function lookupSql(p: FieldSql, index: number): string {
  const reason = macros[p.identity!][0];
  const ref = p.field.references ? referenceTarget[p.field.references] : null;
  const known = ref ? `, coalesce(n IN (SELECT ${ref.key} FROM ${ref.table}), false) AS known` : '';
  return `CREATE OR REPLACE TEMP TABLE lk_${p.field.name} AS
    SELECT v, e, n${known} FROM (
      SELECT v, e, CASE WHEN e IS NULL THEN ${canonicalIdentity(p.identity!, 'v')} END AS n
      FROM (SELECT v, ${reason}(v) AS e FROM (SELECT DISTINCT ${rawValue(index)} AS v FROM stg_raw) WHERE v IS NOT NULL))`;
}

export function buildValidationSql(mapping: HeaderMapping): ValidationSql {
  const entity = mapping.entity;
  const mapped = new Map(mapping.columns.map((c) => [c.field.name, c.index]));
  const parts = entity.fields.filter((f) => mapped.has(f.name)).map((f) => ({ ...fieldSql(f), index: mapped.get(f.name)! }));
  const identity = parts.filter((p) => p.identity);

  const layer1 = (where = '') => {
    const l0 = `SELECT rowid AS k, ${parts.map((p) => `${rawValue(p.index)} AS v_${p.field.name}`).join(', ')} FROM stg_raw ${where}`;
    const extras = parts.flatMap((p) => p.extra);
    return extras.length ? `SELECT *, ${extras.join(', ')} FROM (${l0})` : l0;
  };
  // The checks read identity reasons and reference answers from the lookups; the later passes only need the
  // canonical value, which for rows that passed is the upper-cased 18 characters (or, rarely, the rebuilt one).
  const layer2 = (lookups: boolean, where = '') => {
    const columns = parts.flatMap((p) => {
      const f = p.field.name;
      if (!p.identity) return [`${p.parse} AS n_${f}`];
      if (!lookups) return [`${canonicalIdentity(p.identity, `v_${f}`)} AS n_${f}`];
      return [`lk_${f}.e AS e_${f}`, `lk_${f}.n AS n_${f}`, ...(p.field.references ? [`lk_${f}.known AS known_${f}`] : [])];
    });
    const joins = lookups ? identity.map((p) => `LEFT JOIN lk_${p.field.name} ON lk_${p.field.name}.v = l1.v_${p.field.name}`) : [];
    return `(SELECT l1.*, ${columns.join(', ')} FROM (${layer1(where)}) l1 ${joins.join(' ')}) l2`;
  };
  const l2 = layer2(true);
  const l2Passed = layer2(false);

  const errors: { field: string; expr: string }[] = [];
  const references: { field: string; expr: string }[] = [];
  const joins: string[] = [];
  for (const p of parts) {
    const name = p.field.name;
    const required = p.field.required ? `WHEN l2.v_${name} IS NULL THEN 'REQUIRED_MISSING' ` : '';
    errors.push({ field: name, expr: `CASE ${required}WHEN l2.v_${name} IS NULL THEN NULL ELSE ${qualify(p.error)} END` });
    joins.push(...p.joins);
    if (!p.field.references) continue;
    const ref = referenceTarget[p.field.references];
    if (p.identity) {
      references.push({ field: name, expr: `CASE WHEN l2.n_${name} IS NOT NULL AND NOT l2.known_${name} THEN '${ref.reason}' END` });
    } else {
      const alias = `ref_${name}`;
      joins.push(`LEFT JOIN (SELECT DISTINCT ${ref.key} FROM ${ref.table}) ${alias} ON ${alias}.${ref.key} = l2.n_${name}`);
      references.push({ field: name, expr: `CASE WHEN l2.n_${name} IS NOT NULL AND ${alias}.${ref.key} IS NULL THEN '${ref.reason}' END` });
    }
  }
  // A row's own values are judged before its references: the clerk fixes what is wrong in the row first.
  errors.push(...crossFieldChecks(entity, new Set(mapped.keys())), ...references);
  const repairs = parts.map((p) => qualify(p.repair)).filter((r) => r !== 'NULL');

  // Every row's checks run once in the filter; the lists are built only for the few rows that pass it.
  const createNotes = `
    CREATE OR REPLACE TEMP TABLE notes AS
    SELECT l2.k,
      list_filter([${errors.map((e) => `{'r': ${e.expr}, 'f': ${quote(e.field)}}`).join(',\n')}], x -> x.r IS NOT NULL) AS problems,
      list_filter([${repairs.length ? repairs.join(', ') : 'NULL'}]::VARCHAR[], x -> x IS NOT NULL) AS repairs
    FROM ${l2} CROSS JOIN ingest_ctx ctx ${joins.join(' ')}
    WHERE coalesce(${[...errors.map((e) => e.expr), ...repairs].join(',\n')}) IS NOT NULL`;

  const value = (f: FieldDef) => (mapped.has(f.name) ? `l2.n_${f.name}` : `NULL::${sqlTypeOf(f.type)}`);
  const keyFields = entity.key.map((k) => entity.fields.find((f) => f.name === k)!);
  const keyHash = `hash(${keyFields.map(value).join(', ')})`;
  const withProblems = `(SELECT k FROM notes WHERE len(problems) > 0)`;
  const createDuplicateKeys = `
    CREATE OR REPLACE TEMP TABLE dup_key AS
    SELECT ${keyHash} AS h FROM ${l2Passed} WHERE l2.k NOT IN ${withProblems} GROUP BY h HAVING count(*) > 1`;
  const createDuplicates = `
    CREATE OR REPLACE TEMP TABLE dup AS
    WITH candidate AS (SELECT l2.k FROM ${l2Passed} WHERE ${keyHash} IN (SELECT h FROM dup_key)),
    keyed AS (
      SELECT l2.k, hash(${entity.fields.map(value).join(', ')}) AS h, ${keyFields.map((f, i) => `${value(f)} AS key${i}`).join(', ')}
      FROM ${layer2(false, 'WHERE rowid IN (SELECT k FROM candidate)')} WHERE l2.k NOT IN ${withProblems}),
    ranked AS (
      SELECT k, h, first_value(h) OVER w AS first_h, row_number() OVER w AS rn FROM keyed
      WINDOW w AS (PARTITION BY ${keyFields.map((_, i) => `key${i}`).join(', ')} ORDER BY k))
    SELECT k, CASE WHEN h = first_h THEN 'DUPLICATE_ROW' ELSE 'DUPLICATE_KEY' END AS reason FROM ranked WHERE rn > 1`;
  const insertLoaded = `
    INSERT INTO ${entity.table} (${entity.fields.map((f) => f.name).join(', ')}, load_id)
    SELECT ${entity.fields.map(value).join(', ')}, $id FROM ${l2Passed} ANTI JOIN dropped d ON d.k = l2.k`;
  return { lookups: identity.map((p) => lookupSql(p, p.index)), createNotes, createDuplicateKeys, createDuplicates, insertLoaded };
}
