import type { Database } from '../platform/database.ts';

/**
 * The identity checks of id-number.ts, credit-code.ts and phone.ts as DuckDB SQL macros, so ingest validates
 * millions of rows set-based. The SQL text is assembled here from constant weight tables only (never from user
 * input). test/integration/identity-macros.test.ts proves they agree with the TS functions; bench/identity-bench.ts
 * measures them.
 *
 * Why the SQL is shaped like this (measured, DuckDB 1.5): a macro parameter is copied into every place it is
 * used, and DuckDB shares repeated subexpressions only outside CASE / AND / OR. Callers such as ingest wrap these
 * macros in CASE, so nothing here may rely on that sharing: each character is read by its own cheap
 * `ord(substr(…))` or `strpos(…)`, used once. The one costly input, the trimmed value, is only computed for
 * values that are not already clean (a GLOB test): copied ~40 times inside a CASE it made the macros 5–7× slower.
 * Cleverer variants (hex/BCD parsing with SWAR folds) were ~1.5× faster in a plain projection but 10–20× slower
 * inside CASE, so they were dropped.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CLASS = '[0-9A-HJ-NP-RTUW-Y]';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Same set as text-trim.ts: space, tab, CR, LF, no-break space, ideographic space, as the characters themselves
 * (a chr() chain would be copied into every use of the macro).
 */
const TRIM_SET = `' \t\r\n\u00a0\u3000'`;
const ID18 = `${'[0-9]'.repeat(17)}[0-9Xx]`;
const ID15 = '[0-9]'.repeat(15);
const CREDIT = `${CREDIT_CLASS}${CREDIT_CLASS}${'[0-9]'.repeat(6)}${CREDIT_CLASS.repeat(10)}`;
const MOBILE = `1[3-9]${'[0-9]'.repeat(9)}`;
const SCIENTIFIC = String.raw`[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)[eE][+-]?\d+`;

const macros: string[] = [
  `CREATE OR REPLACE MACRO renshe_trim(s) AS trim(s, ${TRIM_SET})`,

  // Birth date as 8 digits yyyymmdd at position i: a real Gregorian date (DuckDB's own calendar) from 1800 on;
  // ingest applies the 1900 floor.
  `CREATE OR REPLACE MACRO renshe__birth_ok(t, i) AS substr(t, i, 4) >= '1800'
     AND TRY_CAST(substr(t, i, 4) || '-' || substr(t, i + 4, 2) || '-' || substr(t, i + 6, 2) AS DATE) IS NOT NULL`,
  // ISO 7064 MOD 11-2 over 17 digits as one list operation (cheaper than 17 separate character reads).
  `CREATE OR REPLACE MACRO renshe__id_check_char(body17) AS substr('10X98765432', CAST(CAST(list_dot_product(
     CAST(string_split(body17, '') AS DOUBLE[]), [${ID_WEIGHTS.join(', ')}]::DOUBLE[]) AS BIGINT) % 11 AS INTEGER) + 1, 1)`,

  // t is trimmed; shape first, then birth date, then check character (same order as parseIdNumber).
  `CREATE OR REPLACE MACRO renshe__id_reason_t(t) AS CASE
     WHEN t GLOB '${ID18}' THEN CASE
       WHEN NOT renshe__birth_ok(t, 7) THEN 'ID_BIRTH_DATE'
       WHEN renshe__id_check_char(substr(t, 1, 17)) <> upper(substr(t, 18, 1)) THEN 'ID_CHECK_DIGIT' END
     WHEN t GLOB '${ID15}' THEN CASE WHEN NOT renshe__birth_ok('19' || substr(t, 7, 6), 1) THEN 'ID_BIRTH_DATE' END
     WHEN regexp_full_match(t, '${SCIENTIFIC}') THEN 'ID_SCIENTIFIC'
     WHEN t IS NOT NULL THEN 'ID_FORMAT' END`,
  // Values that are already clean (the vast majority) skip the trim.
  `CREATE OR REPLACE MACRO renshe_id_reason(s) AS CASE WHEN s GLOB '${ID18}' THEN renshe__id_reason_t(s)
     ELSE renshe__id_reason_t(renshe_trim(s)) END`,
  `CREATE OR REPLACE MACRO renshe__id15_upgrade(body17) AS body17 || renshe__id_check_char(body17)`,
  `CREATE OR REPLACE MACRO renshe__id_normalise_t(t) AS CASE
     WHEN t IS NULL OR renshe__id_reason_t(t) IS NOT NULL THEN NULL
     WHEN length(t) = 18 THEN upper(t)
     ELSE renshe__id15_upgrade(substr(t, 1, 6) || '19' || substr(t, 7, 9)) END`,
  `CREATE OR REPLACE MACRO renshe_id_normalise(s) AS CASE WHEN s GLOB '${ID18}' THEN renshe__id_normalise_t(s)
     ELSE renshe__id_normalise_t(renshe_trim(s)) END`,

  // Credit codes: u is trimmed and upper-cased.
  `CREATE OR REPLACE MACRO renshe__credit_check(u) AS substr('${CREDIT_CHARSET}',
     CAST((31 - (${CREDIT_WEIGHTS.map((w, i) => `${w} * (strpos('${CREDIT_CHARSET}', substr(u, ${i + 1}, 1)) - 1)`).join(' + ')}) % 31) % 31 AS INTEGER) + 1, 1)`,
  // GB 11714 values 0–9, A=10 … Z=35: one strpos per character (a single use, which matters inside CASE).
  `CREATE OR REPLACE MACRO renshe__org_value(c) AS strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', c) - 1`,
  `CREATE OR REPLACE MACRO renshe__org_check(u) AS substr('0123456789X0', CAST(11 - (${ORG_WEIGHTS.map((w, i) => `${w} * renshe__org_value(substr(u, ${9 + i}, 1))`).join(' + ')}) % 11 AS INTEGER) + 1, 1)`,
  `CREATE OR REPLACE MACRO renshe__credit_reason_u(u) AS CASE
     WHEN u IS NULL THEN NULL
     WHEN NOT (u GLOB '${CREDIT}') THEN 'CREDIT_CODE_FORMAT'
     WHEN renshe__credit_check(u) <> substr(u, 18, 1) THEN 'CREDIT_CODE_CHECK'
     WHEN renshe__org_check(u) <> substr(u, 17, 1) THEN 'CREDIT_CODE_CHECK' END`,
  `CREATE OR REPLACE MACRO renshe_credit_reason(s) AS CASE WHEN s GLOB '${CREDIT}' THEN renshe__credit_reason_u(s)
     ELSE renshe__credit_reason_u(upper(renshe_trim(s))) END`,
  `CREATE OR REPLACE MACRO renshe__credit_normalise_u(u) AS CASE
     WHEN u IS NOT NULL AND renshe__credit_reason_u(u) IS NULL THEN u END`,
  `CREATE OR REPLACE MACRO renshe_credit_normalise(s) AS CASE WHEN s GLOB '${CREDIT}' THEN renshe__credit_normalise_u(s)
     ELSE renshe__credit_normalise_u(upper(renshe_trim(s))) END`,

  `CREATE OR REPLACE MACRO renshe_mobile_normalise(s) AS CASE WHEN s GLOB '${MOBILE}' THEN s ELSE nullif(regexp_extract(
     regexp_replace(s, '[ \\t\\r\\n\\x{00A0}\\x{3000}-]', '', 'g'), '^(?:\\+?86|0086)?(1[3-9]\\d{9})$', 1), '') END`,
];

/** Creates (or replaces) the renshe_* identity macros in this database; cheap, safe to call on every open. */
export async function installIdentityMacros(db: Database): Promise<void> {
  for (const sql of macros) await db.run(sql);
}
