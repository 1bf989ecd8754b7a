import type { Database } from '../platform/database.ts';

/**
 * The identity checks of id-number.ts, credit-code.ts and phone.ts as DuckDB SQL macros, so ingest validates
 * millions of rows set-based. The SQL text is assembled here from constant weight tables only (never from user
 * input). Macros are inlined by DuckDB, so helpers take already-computed arguments to keep expressions small.
 * test/integration/identity-macros.test.ts proves they agree with the TS functions.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Weights over a 15-digit legacy number once '19' is inserted: the '19' contributes 1*2 + 9*1 = 11 ≡ 0 (mod 11). */
const LEGACY_WEIGHTS = [...ID_WEIGHTS.slice(0, 6), ...ID_WEIGHTS.slice(8)];
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Same set as text-trim.ts: space, tab, CR, LF, no-break space, ideographic space. */
const TRIM_SET = `chr(32) || chr(9) || chr(13) || chr(10) || chr(160) || chr(12288)`;
const SCIENTIFIC = String.raw`[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)[eE][+-]?\d+`;
const CREDIT_CLASS = '[0-9A-HJ-NP-RTUW-Y]';

/** Σ weight·digit over `t` starting at character `from` (1-based); digits are ASCII so ord() − 48 is the value. */
function weightedDigits(t: string, weights: number[], from = 1): string {
  return weights.map((w, i) => `${w} * (ord(substr(${t}, ${from + i}, 1)) - 48)`).join(' + ');
}

const macros: string[] = [
  `CREATE OR REPLACE MACRO renshe_trim(s) AS trim(s, ${TRIM_SET})`,

  // Birth date yyyymmdd as an integer: a real Gregorian date from 1800 on (ingest applies the 1900 floor).
  `CREATE OR REPLACE MACRO renshe__dom_ok(y, m, d) AS
     m BETWEEN 1 AND 12 AND d >= 1 AND d <= CASE WHEN m = 2
       THEN 28 + CASE WHEN (y % 4 = 0 AND y % 100 <> 0) OR y % 400 = 0 THEN 1 ELSE 0 END
       ELSE 30 + ((m + m // 8) % 2) END`,
  `CREATE OR REPLACE MACRO renshe__ymd_ok(ymd) AS
     ymd // 10000 >= 1800 AND renshe__dom_ok(ymd // 10000, (ymd // 100) % 100, ymd % 100)`,

  `CREATE OR REPLACE MACRO renshe__id18_check(t) AS
     substr('10X98765432', CAST((${weightedDigits('t', ID_WEIGHTS)}) % 11 AS INTEGER) + 1, 1)`,
  `CREATE OR REPLACE MACRO renshe__id15_check(t) AS
     substr('10X98765432', CAST((${weightedDigits('t', LEGACY_WEIGHTS)}) % 11 AS INTEGER) + 1, 1)`,

  // t is trimmed; shape first, then birth date, then check character (same order as parseIdNumber).
  `CREATE OR REPLACE MACRO renshe__id_reason_t(t) AS CASE
     WHEN regexp_full_match(t, '\\d{17}[\\dXx]') THEN CASE
       WHEN NOT renshe__ymd_ok(CAST(substr(t, 7, 8) AS INTEGER)) THEN 'ID_BIRTH_DATE'
       WHEN renshe__id18_check(t) <> upper(substr(t, 18, 1)) THEN 'ID_CHECK_DIGIT' END
     WHEN regexp_full_match(t, '\\d{15}') THEN CASE
       WHEN NOT renshe__ymd_ok(19000000 + CAST(substr(t, 7, 6) AS INTEGER)) THEN 'ID_BIRTH_DATE' END
     WHEN regexp_full_match(t, '${SCIENTIFIC}') THEN 'ID_SCIENTIFIC'
     WHEN t IS NOT NULL THEN 'ID_FORMAT' END`,
  `CREATE OR REPLACE MACRO renshe_id_reason(s) AS renshe__id_reason_t(renshe_trim(s))`,
  `CREATE OR REPLACE MACRO renshe__id_normalise_t(t) AS CASE
     WHEN t IS NULL OR renshe__id_reason_t(t) IS NOT NULL THEN NULL
     WHEN length(t) = 18 THEN upper(t)
     ELSE substr(t, 1, 6) || '19' || substr(t, 7, 9) || renshe__id15_check(t) END`,
  `CREATE OR REPLACE MACRO renshe_id_normalise(s) AS renshe__id_normalise_t(renshe_trim(s))`,

  // Credit codes: u is trimmed and upper-cased.
  `CREATE OR REPLACE MACRO renshe__credit_check(u) AS substr('${CREDIT_CHARSET}',
     CAST((31 - (${CREDIT_WEIGHTS.map((w, i) => `${w} * (strpos('${CREDIT_CHARSET}', substr(u, ${i + 1}, 1)) - 1)`).join(' + ')}) % 31) % 31 AS INTEGER) + 1, 1)`,
  `CREATE OR REPLACE MACRO renshe__org_value(c) AS ord(c) - CASE WHEN ord(c) <= 57 THEN 48 ELSE 55 END`,
  `CREATE OR REPLACE MACRO renshe__org_check(u) AS substr('0123456789X0', CAST(11 - (${ORG_WEIGHTS.map((w, i) => `${w} * renshe__org_value(substr(u, ${9 + i}, 1))`).join(' + ')}) % 11 AS INTEGER) + 1, 1)`,
  `CREATE OR REPLACE MACRO renshe__credit_reason_u(u) AS CASE
     WHEN u IS NULL THEN NULL
     WHEN NOT regexp_full_match(u, '${CREDIT_CLASS}{2}\\d{6}${CREDIT_CLASS}{10}') THEN 'CREDIT_CODE_FORMAT'
     WHEN renshe__credit_check(u) <> substr(u, 18, 1) THEN 'CREDIT_CODE_CHECK'
     WHEN renshe__org_check(u) <> substr(u, 17, 1) THEN 'CREDIT_CODE_CHECK' END`,
  `CREATE OR REPLACE MACRO renshe_credit_reason(s) AS renshe__credit_reason_u(upper(renshe_trim(s)))`,
  `CREATE OR REPLACE MACRO renshe__credit_normalise_u(u) AS CASE
     WHEN u IS NOT NULL AND renshe__credit_reason_u(u) IS NULL THEN u END`,
  `CREATE OR REPLACE MACRO renshe_credit_normalise(s) AS renshe__credit_normalise_u(upper(renshe_trim(s)))`,

  `CREATE OR REPLACE MACRO renshe_mobile_normalise(s) AS nullif(regexp_extract(
     regexp_replace(s, '[ \\t\\r\\n\\x{00A0}\\x{3000}-]', '', 'g'), '^(?:\\+?86|0086)?(1[3-9]\\d{9})$', 1), '')`,
];

/** Creates (or replaces) the renshe_* identity macros in this database; cheap, safe to call on every open. */
export async function installIdentityMacros(db: Database): Promise<void> {
  for (const sql of macros) await db.run(sql);
}
