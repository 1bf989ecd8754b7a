import { codeLists, type Code } from '../model/code-lists.ts';
import type { EntityDef, FieldDef } from '../model/field-types.ts';
import { sqlTypeOf } from '../model/field-types.ts';
import type { HeaderMapping } from './header-mapping.ts';

/**
 * Builds the set-based validation for one file from the data model: every value is parsed, normalised and
 * checked in SQL over the staged file (`stg`, columns c0…cN as text), producing `chk` with the canonical
 * values, every reason that applies (first one wins) and every repair made. The SQL text comes only from our
 * own model and code lists; file contents and the date are bound as parameters or read from tables.
 */

/** Date pairs that must be in order, per entity. */
const dateOrder: Record<string, [string, string][]> = {
  employer: [['registered_date', 'deregistered_date']],
  employment: [['start_date', 'end_date']],
  job_seeker: [['registered_date', 'ended_date']],
  vacancy: [['posted_date', 'closed_date']],
  training_course: [['start_date', 'end_date']],
  arbitration_case: [['filed_date', 'closed_date']],
  inspection_case: [['opened_date', 'closed_date']],
  wage_arrears_complaint: [['filed_date', 'resolved_date']],
};

/** Dates that cannot lie in the future. */
const pastOnly = new Set(['birth_date', 'death_date', 'registered_date', 'settle_date', 'filed_date', 'issued_date', 'opened_date', 'enrolled_date']);

const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Macros for dates, months and booleans; identity macros come from src/identity. */
export const ingestMacros = [
  `CREATE OR REPLACE MACRO renshe_date_parse(v) AS CASE
     WHEN v IS NULL THEN NULL
     WHEN length(v) = 10 AND substr(v, 5, 1) = '-' THEN try_cast(v AS DATE)
     WHEN regexp_full_match(v, '\\d{4}-\\d{1,2}-\\d{1,2}') THEN try_strptime(v, '%Y-%m-%d')::DATE
     WHEN regexp_full_match(v, '\\d{8}') THEN try_strptime(v, '%Y%m%d')::DATE
     WHEN regexp_full_match(v, '\\d{4}/\\d{1,2}/\\d{1,2}') THEN try_strptime(v, '%Y/%m/%d')::DATE
     WHEN regexp_full_match(v, '\\d{4}\\.\\d{1,2}\\.\\d{1,2}') THEN try_strptime(v, '%Y.%m.%d')::DATE
     WHEN regexp_full_match(v, '\\d{4}年\\d{1,2}月\\d{1,2}日') THEN try_strptime(v, '%Y年%m月%d日')::DATE
     WHEN regexp_full_match(v, '\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}(:\\d{2})?') THEN try_cast(v AS TIMESTAMP)::DATE
     -- Excel serial day numbers (1954–2064) that a spreadsheet left in a date column
     WHEN regexp_full_match(v, '\\d{5}') AND v::INTEGER BETWEEN 20000 AND 60000 THEN DATE '1899-12-30' + v::INTEGER
     ELSE NULL END`,
  `CREATE OR REPLACE MACRO renshe_date_reason(v) AS CASE
     WHEN regexp_full_match(v, '\\d{4}年\\d{1,2}月|\\d{4}-\\d{1,2}|\\d{4}/\\d{1,2}|\\d{6}') THEN 'DATE_INCOMPLETE'
     ELSE 'DATE_INVALID' END`,
  `CREATE OR REPLACE MACRO renshe_month_parse(v) AS CASE
     WHEN v IS NULL THEN NULL
     WHEN regexp_full_match(v, '\\d{4}-\\d{1,2}') THEN try_strptime(v || '-01', '%Y-%m-%d')::DATE
     WHEN regexp_full_match(v, '\\d{6}') THEN try_strptime(v || '01', '%Y%m%d')::DATE
     WHEN regexp_full_match(v, '\\d{4}/\\d{1,2}') THEN try_strptime(v || '/01', '%Y/%m/%d')::DATE
     WHEN regexp_full_match(v, '\\d{4}年\\d{1,2}月') THEN try_strptime(v || '01日', '%Y年%m月%d日')::DATE
     ELSE date_trunc('month', renshe_date_parse(v))::DATE END`,
  `CREATE OR REPLACE MACRO renshe_bool_parse(v) AS CASE
     WHEN lower(v) IN ('1', 'true', 't', 'y', 'yes', '是') THEN true
     WHEN lower(v) IN ('0', 'false', 'f', 'n', 'no', '否') THEN false
     ELSE NULL END`,
];

interface FieldSql {
  field: FieldDef;
  /** Raw trimmed text. */
  v: string;
  /** Canonical value expression over l1 (may use v). */
  parse: string;
  /** Error expression over l2 (may use v_, n_ and joined tables), without the required check. */
  error: string;
  repair: string;
  joins: string[];
  /** A null-safe error expression over v_ evaluated in the normalising pass, outside any CASE (see below). */
  early?: string;
  /** Normalisation for the valid values `parse` left NULL, run only on those rows. */
  slowNormalise?: string;
}

function codeCase(v: string, codes: Code[]): string {
  const whens = codes.flatMap((c) =>
    [c.code, c.zh, c.en, ...(c.aliases ?? [])].map((alias) => `WHEN ${quote(alias)} THEN ${quote(c.code)}`),
  );
  return `CASE ${v} ${[...new Set(whens)].join(' ')} ELSE NULL END`;
}

/**
 * The canonical form of an identity value from its already computed reason: a clean 18-character value is
 * just upper-cased here; the rare others (legacy 15 digits, odd spaces) are filled in afterwards by
 * `slowNormalise`, because DuckDB evaluates a macro inside CASE for every row, not only the rows that need it.
 */
function validOr(name: string): string {
  return `CASE WHEN e_${name} IS NULL AND length(v_${name}) = 18 THEN upper(v_${name}) END`;
}

function fieldSql(entity: EntityDef, field: FieldDef, index: number): FieldSql {
  const v = `v_${field.name}`;
  const n = `n_${field.name}`;
  const base = { field, v: `nullif(trim(c${index}), '')`, joins: [] as string[], repair: 'NULL' };
  const t = field.type;
  switch (t.kind) {
    case 'id_number':
      return { ...base, parse: validOr(field.name), slowNormalise: `renshe_id_normalise(${v})`, early: `renshe_id_reason(${v})`, error: `e_${field.name}`, repair: `CASE WHEN length(${v}) = 15 AND ${n} IS NOT NULL THEN 'ID_UPGRADED_15' END` };
    case 'credit_code':
      return { ...base, parse: validOr(field.name), slowNormalise: `renshe_credit_normalise(${v})`, early: `renshe_credit_reason(${v})`, error: `e_${field.name}` };
    case 'phone':
      return { ...base, parse: `renshe_mobile_normalise(${v})`, error: `CASE WHEN ${n} IS NULL THEN 'PHONE_FORMAT' END` };
    case 'text':
      return { ...base, parse: v, error: `CASE WHEN length(${v}) > ${t.max} THEN 'TEXT_TOO_LONG' END` };
    case 'date': {
      const upper = pastOnly.has(field.name) ? 'ctx.today' : `ctx.today + INTERVAL 366 DAY`;
      return {
        ...base,
        parse: `renshe_date_parse(${v})`,
        error: `CASE WHEN ${n} IS NULL THEN renshe_date_reason(${v}) WHEN ${n} < DATE '1900-01-01' OR ${n} > ${upper} THEN 'DATE_OUT_OF_RANGE' END`,
        repair: `CASE WHEN ${n} IS NOT NULL AND NOT regexp_full_match(${v}, '\\d{4}-\\d{2}-\\d{2}') THEN 'DATE_NORMALISED' END`,
      };
    }
    case 'month':
      return {
        ...base,
        parse: `renshe_month_parse(${v})`,
        error: `CASE WHEN ${n} IS NULL THEN 'DATE_INVALID' WHEN ${n} < DATE '1900-01-01' OR ${n} > ctx.today + INTERVAL 366 DAY THEN 'DATE_OUT_OF_RANGE' END`,
        repair: `CASE WHEN ${n} IS NOT NULL AND NOT regexp_full_match(${v}, '\\d{4}-\\d{2}') THEN 'DATE_NORMALISED' END`,
      };
    case 'decimal':
    case 'integer': {
      const d = `try_cast(replace(${v}, ',', '') AS DOUBLE)`;
      const integral = t.kind === 'integer' ? ` OR ${d} <> round(${d})` : '';
      const sqlType = sqlTypeOf(t);
      return {
        ...base,
        parse: `CASE WHEN ${d} BETWEEN ${t.min} AND ${t.max} THEN ${d}::${sqlType} END`,
        error: `CASE WHEN ${d} IS NULL OR isnan(${d}) OR isinf(${d})${integral} THEN 'NUMBER_INVALID'
                     WHEN ${d} < 0 AND ${t.min} >= 0 THEN 'AMOUNT_NEGATIVE'
                     WHEN ${d} < ${t.min} OR ${d} > ${t.max} THEN 'AMOUNT_OUT_OF_RANGE' END`,
      };
    }
    case 'boolean':
      return { ...base, parse: `renshe_bool_parse(${v})`, error: `CASE WHEN ${n} IS NULL THEN 'CODE_UNKNOWN' END` };
    case 'code':
      return {
        ...base,
        parse: codeCase(v, codeLists[t.list] as Code[]),
        error: `CASE WHEN ${n} IS NULL THEN 'CODE_UNKNOWN' END`,
        repair: `CASE WHEN ${n} IS NOT NULL AND ${n} <> ${v} THEN 'CODE_LABEL' END`,
      };
    case 'region': {
      const alias = `rg_${field.name}`;
      return { ...base, parse: v, error: `CASE WHEN ${alias}.code IS NULL THEN 'REGION_UNKNOWN' END`, joins: [`LEFT JOIN ref_region ${alias} ON ${alias}.code = l2.${n}`] };
    }
    case 'occupation': {
      const alias = `oc_${field.name}`;
      return { ...base, parse: v, error: `CASE WHEN ${alias}.code IS NULL THEN 'OCCUPATION_UNKNOWN' END`, joins: [`LEFT JOIN ref_occupation ${alias} ON ${alias}.code = l2.${n}`] };
    }
  }
  void entity;
}

const referenceTarget: Record<NonNullable<FieldDef['references']>, { table: string; key: string; reason: string }> = {
  person: { table: 'person', key: 'id_number', reason: 'REF_UNKNOWN_PERSON' },
  employer: { table: 'employer', key: 'credit_code', reason: 'REF_UNKNOWN_EMPLOYER' },
  training_course: { table: 'training_course', key: 'course_id', reason: 'REF_UNKNOWN_COURSE' },
};

export interface ValidationSql {
  /** Create the temp tables `norm0` (raw `v_…`, identity reasons `e_…`) then `norm` (+ canonical `n_…`). */
  createNormalised: string[];
  /** Creates the temp table `chk(row_no, <fields…>, reasons VARCHAR[], reason_fields VARCHAR[], repairs VARCHAR[])`. */
  createChecked: string;
  /** Finds later rows repeating a key within the file; creates `dup(row_no, reason)`. */
  createDuplicates: string;
  fields: FieldDef[];
}

export function buildValidationSql(mapping: HeaderMapping): ValidationSql {
  const entity = mapping.entity;
  const mapped = new Map(mapping.columns.map((c) => [c.field.name, c.index]));
  const parts = entity.fields.filter((f) => mapped.has(f.name)).map((f) => fieldSql(entity, f, mapped.get(f.name)!));
  const absent = entity.fields.filter((f) => !mapped.has(f.name));

  const l1 = parts.map((p) => `${p.v} AS v_${p.field.name}`);
  // The identity macros are fast only outside CASE (DuckDB shares their subexpressions there), so their
  // reasons are computed here, once, and the checks below only read them.
  const l2 = parts.map((p) => `${p.parse} AS n_${p.field.name}`);
  const errors: { field: string; expr: string }[] = [];
  const references: { field: string; expr: string }[] = [];
  const joins: string[] = [];
  for (const p of parts) {
    const name = p.field.name;
    const required = p.field.required ? `WHEN l2.v_${name} IS NULL THEN 'REQUIRED_MISSING' ` : '';
    errors.push({ field: name, expr: `CASE ${required}WHEN l2.v_${name} IS NULL THEN NULL ELSE ${qualify(p.error)} END` });
    joins.push(...p.joins);
    if (p.field.references) {
      const ref = referenceTarget[p.field.references];
      const alias = `ref_${name}`;
      joins.push(`LEFT JOIN ${ref.table} ${alias} ON ${alias}.${ref.key} = l2.n_${name}`);
      references.push({ field: name, expr: `CASE WHEN l2.n_${name} IS NOT NULL AND ${alias}.${ref.key} IS NULL THEN '${ref.reason}' END` });
    }
  }
  // A row's own values are judged before its references: the clerk fixes what is wrong in the row first.
  errors.push(...crossFieldChecks(entity, new Set(mapped.keys())), ...references);

  const repairs = parts.map((p) => qualify(p.repair)).filter((r) => r !== 'NULL');
  const outFields = [
    ...parts.map((p) => `l2.n_${p.field.name} AS ${p.field.name}`),
    ...absent.map((f) => `NULL::${sqlTypeOf(f.type)} AS ${f.name}`),
  ];
  // Materialised steps on purpose: DuckDB inlines CTEs, and a value used by several checks would otherwise
  // expand its macro once per use (measured: 30× slower on contributions).
  const early = parts.flatMap((p) => (p.early ? [`${p.early} AS e_${p.field.name}`] : []));
  const createNormalised = [
    `CREATE OR REPLACE TEMP TABLE norm0 AS
     SELECT *${early.map((e) => `, ${e}`).join('')} FROM (SELECT row_no, ${l1.join(', ')} FROM stg)`,
    `CREATE OR REPLACE TEMP TABLE norm AS SELECT *, ${l2.join(', ')} FROM norm0`,
    ...parts.filter((p) => p.slowNormalise).map((p) => {
      const f = p.field.name;
      return `UPDATE norm SET n_${f} = ${p.slowNormalise} WHERE e_${f} IS NULL AND n_${f} IS NULL AND v_${f} IS NOT NULL`;
    }),
  ];
  // Problems as a list of {reason, field} structs so filtering needs no lambda capturing other columns.
  const createChecked = `
    CREATE OR REPLACE TEMP TABLE chk AS
    WITH l3 AS (
           SELECT l2.row_no, ${outFields.join(', ')},
             list_filter([${errors.map((e) => `{'r': ${e.expr}, 'f': ${quote(e.field)}}`).join(',\n')}], x -> x.r IS NOT NULL) AS problems,
             list_filter([${repairs.length ? repairs.join(', ') : 'NULL'}]::VARCHAR[], x -> x IS NOT NULL) AS repairs
           FROM norm l2 CROSS JOIN ingest_ctx ctx ${joins.join(' ')})
    SELECT * EXCLUDE (problems),
      list_transform(problems, x -> x.r) AS reasons,
      list_transform(problems, x -> x.f) AS reason_fields
    FROM l3`;

  const key = entity.key.join(', ');
  const all = entity.fields.map((f) => f.name).join(', ');
  const createDuplicates = `
    CREATE OR REPLACE TEMP TABLE dup AS
    WITH keyed AS (
      SELECT c.row_no, hash(${all}) AS h, ${key} FROM chk c
      WHERE len(reasons) = 0 AND (${key}) IN (SELECT (${key}) FROM chk WHERE len(reasons) = 0 GROUP BY ${key} HAVING count(*) > 1)),
    ranked AS (
      SELECT row_no, h, first_value(h) OVER w AS first_h, row_number() OVER w AS rn FROM keyed
      WINDOW w AS (PARTITION BY ${key} ORDER BY row_no))
    SELECT row_no, CASE WHEN h = first_h THEN 'DUPLICATE_ROW' ELSE 'DUPLICATE_KEY' END AS reason FROM ranked WHERE rn > 1`;
  return { createNormalised, createChecked, createDuplicates, fields: entity.fields };
}

/** References columns of l2 by qualified name so joined tables cannot shadow them. */
function qualify(expr: string): string {
  return expr.replace(/\b([vne])_(\w+)/g, 'l2.$1_$2').replace(/l2\.l2\./g, 'l2.');
}

function crossFieldChecks(entity: EntityDef, present: Set<string>): { field: string; expr: string }[] {
  const out: { field: string; expr: string }[] = [];
  for (const [from, to] of dateOrder[entity.name] ?? []) {
    if (present.has(from) && present.has(to)) out.push({ field: to, expr: `CASE WHEN l2.n_${to} < l2.n_${from} THEN 'DATE_ORDER' END` });
  }
  if (entity.name === 'person' && present.has('sex') && present.has('birth_date')) {
    out.push({
      field: 'id_number',
      expr: `CASE WHEN l2.n_id_number IS NOT NULL AND l2.n_birth_date IS NOT NULL AND l2.n_sex IS NOT NULL AND (
               substr(l2.n_id_number, 7, 8) <> strftime(l2.n_birth_date, '%Y%m%d')
               OR (CASE WHEN substr(l2.n_id_number, 17, 1)::INTEGER % 2 = 1 THEN '1' ELSE '2' END) <> l2.n_sex)
             THEN 'ID_MISMATCH' END`,
    });
  }
  if (entity.name === 'medical_settlement' && ['total_cost', 'fund_paid', 'out_of_pocket'].every((f) => present.has(f))) {
    out.push({ field: 'total_cost', expr: `CASE WHEN l2.n_fund_paid + l2.n_out_of_pocket > l2.n_total_cost + 0.01 THEN 'AMOUNT_INCONSISTENT' END` });
  }
  return out;
}
