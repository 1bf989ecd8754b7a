import { codeLists, type Code } from '../model/code-lists.ts';
import type { EntityDef, FieldDef } from '../model/field-types.ts';
import { sqlTypeOf } from '../model/field-types.ts';

/**
 * The SQL that parses, normalises and checks one field, derived from its type in the data model. Fragments
 * are written over three layers of the validation query (see validation-sql.ts):
 *   l1: `v_<field>` the trimmed raw text (and `d_<field>`, the number read from it, for numeric fields);
 *   l2: `n_<field>` the canonical value (identity fields take theirs from a lookup of distinct values);
 *   checks: errors and repairs over `l2.*`, the context row `ctx` and joined reference tables.
 * The SQL text comes only from our own model and code lists; file contents are never spliced into it.
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

export const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Macros for dates, months and booleans; identity macros come from src/identity. The common spelling is tested first. */
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
     WHEN length(v) = 7 AND substr(v, 5, 1) = '-' THEN try_cast(v || '-01' AS DATE)
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

/** Identity values are checked once per distinct value in a lookup table, not once per row. */
export type IdentityKind = 'id' | 'credit';

export interface FieldSql {
  field: FieldDef;
  /** l1 columns besides `v_<field>`. */
  extra: string[];
  /** l2: the canonical value (ignored for identity fields, whose lookup supplies it). */
  parse: string;
  /** Error over l2, ctx and joins, without the required check; `l2.` is added by `qualify`. */
  error: string;
  repair: string;
  joins: string[];
  identity?: IdentityKind;
}

function codeCase(v: string, codes: Code[]): string {
  // Clean exports carry the codes themselves: one IN test settles most rows before the label aliases.
  const whens = codes.flatMap((c) => [c.zh, c.en, ...(c.aliases ?? [])].filter((a) => a !== c.code).map((alias) => `WHEN ${quote(alias)} THEN ${quote(c.code)}`));
  return `CASE WHEN ${v} IN (${codes.map((c) => quote(c.code)).join(', ')}) THEN ${v} ELSE CASE ${v} ${[...new Set(whens)].join(' ')} ELSE NULL END END`;
}

export function fieldSql(field: FieldDef): FieldSql {
  const v = `v_${field.name}`;
  const n = `n_${field.name}`;
  const d = `d_${field.name}`;
  const base = { field, extra: [] as string[], joins: [] as string[], repair: 'NULL' };
  const t = field.type;
  switch (t.kind) {
    case 'id_number':
      return { ...base, identity: 'id', parse: 'NULL', error: `e_${field.name}`, repair: `CASE WHEN length(${v}) = 15 AND ${n} IS NOT NULL THEN 'ID_UPGRADED_15' END` };
    case 'credit_code':
      return { ...base, identity: 'credit', parse: 'NULL', error: `e_${field.name}` };
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
        // A value the date cast accepted in the shape YYYY-MM-DD is already canonical.
        repair: `CASE WHEN ${n} IS NOT NULL AND NOT (length(${v}) = 10 AND substr(${v}, 5, 1) = '-' AND substr(${v}, 8, 1) = '-') THEN 'DATE_NORMALISED' END`,
      };
    }
    case 'month':
      return {
        ...base,
        parse: `renshe_month_parse(${v})`,
        error: `CASE WHEN ${n} IS NULL THEN 'DATE_INVALID' WHEN ${n} < DATE '1900-01-01' OR ${n} > ctx.today + INTERVAL 366 DAY THEN 'DATE_OUT_OF_RANGE' END`,
        repair: `CASE WHEN ${n} IS NOT NULL AND NOT (length(${v}) = 7 AND substr(${v}, 5, 1) = '-') THEN 'DATE_NORMALISED' END`,
      };
    case 'decimal':
    case 'integer': {
      const integral = t.kind === 'integer' ? ` OR ${d} <> round(${d})` : '';
      return {
        ...base,
        extra: [`try_cast(replace(${v}, ',', '') AS DOUBLE) AS ${d}`],
        parse: `CASE WHEN ${d} BETWEEN ${t.min} AND ${t.max} THEN ${d}::${sqlTypeOf(t)} END`,
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
}

/** Checks that compare fields of one row; each names the field a clerk should look at. */
export function crossFieldChecks(entity: EntityDef, present: Set<string>): { field: string; expr: string }[] {
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

/** References columns of l2 by qualified name so joined tables cannot shadow them. */
export function qualify(expr: string): string {
  return expr.replace(/\b([vned])_(\w+)/g, 'l2.$1_$2').replace(/l2\.l2\./g, 'l2.');
}
