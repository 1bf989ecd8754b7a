import type { Database } from '../platform/database.ts';
import { creditMacros } from './credit-macros-store.ts';

/**
 * The identity checks of id-number.ts and phone.ts as DuckDB SQL macros (credit codes: credit-macros-store.ts),
 * so ingest validates millions of rows set-based. test/integration/identity-macros.test.ts proves they agree
 * with the TS functions; bench/identity-bench.ts measures them. The SQL is assembled from constants only.
 *
 * Performance notes, learned by measuring (DuckDB 1.5): a string function costs tens of ns per row, an integer
 * operator a few; DuckDB shares repeated subexpressions only outside CASE / AND / OR; COALESCE evaluates its
 * second argument only for rows where the first is NULL. Hence:
 * - a fast path for clean 18-character values, written without CASE/AND/OR: the digits are parsed as hex
 *   ('0x' || 9 digits), one digit per 4-bit lane (BCD); the MOD 11-2 weights are 2^k mod 11, so the weighted sum
 *   is folded pairwise lane by lane (SWAR); the birth date is compared in BCD (digit order = numeric order);
 * - a slow path (trim, legacy 15-digit, scientific notation, garbage) behind COALESCE and a CASE barrier, written
 *   plainly, character by character. Both paths return 'OK' for valid values so COALESCE can tell "valid" from
 *   "not handled here".
 */
/** The characters themselves inside the literal (a chr() chain would be copied into every use of the macro). */
const TRIM_SET = `' \t\r\n\u00a0\u3000'`;
const SCIENTIFIC = String.raw`[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)[eE][+-]?\d+`;
const D = '[0-9]';
const ID18 = `${D.repeat(17)}[0-9Xx]`;
const MOBILE = `1[3-9]${D.repeat(9)}`;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Weights over a 15-digit legacy number once '19' is inserted: the '19' adds 1·2 + 9·1 = 11 ≡ 0 (mod 11). */
const LEGACY_WEIGHTS = [...ID_WEIGHTS.slice(0, 6), ...ID_WEIGHTS.slice(8)];

function weightedDigits(t: string, weights: number[]): string {
  return weights.map((w, i) => `${w} * (ord(substr(${t}, ${i + 1}, 1)) - 48)`).join(' + ');
}

const fastMacros: string[] = [
  `CREATE OR REPLACE MACRO renshe_trim(s) AS trim(s, ${TRIM_SET})`,
  // Binds a value once for a lambda body: macro parameters are copied into every use, which on the slow paths
  // would multiply the expression the planner has to handle.
  `CREATE OR REPLACE MACRO renshe__let(v, f) AS list_transform([v], f)[1]`,
  `CREATE OR REPLACE MACRO renshe__hex(s, i, n) AS TRY_CAST('0x' || substr(s, i, n) AS BIGINT)`,
  // Σ nibble_k · 2^k over up to 9 BCD nibbles: fold nibble pairs into bytes, then 16-bit, then 32-bit lanes.
  `CREATE OR REPLACE MACRO renshe__nib1(x) AS (x & ${0x0f0f0f0f0f}) + ((x >> 3) & ${0x1e1e1e1e1e})`,
  `CREATE OR REPLACE MACRO renshe__nib2(x) AS (x & ${0x00ff00ff00ff}) + ((x >> 6) & ${0x03fc03fc03fc})`,
  `CREATE OR REPLACE MACRO renshe__nib3(x) AS (x & ${0x0000ffff0000ffffn}) + ((x >> 12) & ${0x000ffff0000ffff0n})`,
  `CREATE OR REPLACE MACRO renshe__nib_sum(x) AS (renshe__nib3(renshe__nib2(renshe__nib1(x))) & ${0xffffffff})
     + ((renshe__nib3(renshe__nib2(renshe__nib1(x))) >> 32) << 8)`,
  // y, m, d in BCD; 0x1800 = 6144; days per month in BCD indexed by BCD month + 1 (0x10–0x12 are Oct–Dec).
  // February 29 is left to the slow path (see renshe__id18_code), so February has 0x28 days here.
  `CREATE OR REPLACE MACRO renshe__bcd_date01(y, m, d) AS CAST(y >= 6144 AS INTEGER) * CAST(d >= 1 AS INTEGER)
     * CAST(d <= [0, 49, 40, 49, 48, 49, 48, 49, 49, 48, 0, 0, 0, 0, 0, 0, 49, 48, 49, 0][least(m, 19) + 1] AS INTEGER)`,
  // ISO 7064 MOD 11-2: idx = Σ d_i·2^(18-i) mod 11 picks the character from '10X98765432'; code = ord(last char).
  `CREATE OR REPLACE MACRO renshe__id_check01(code, idx) AS greatest(
     CAST(code = [49, 48, 88, 57, 56, 55, 54, 53, 52, 51, 50][idx + 1] AS INTEGER),
     CAST(code = 120 AS INTEGER) * CAST(idx = 2 AS INTEGER))`,
  // 1 = bad birth date, 2 = bad check character, 3 = valid; NULL (left to the slow path) when s is not 17 digits
  // + digit/X, or when the birth date is a February 29, so that the fast path needs no leap-year arithmetic.
  `CREATE OR REPLACE MACRO renshe__id18_code_h(s, h1, h2) AS nullif(CAST((h2 >> 12) & 65535 <> 553 AS INTEGER), 0) * (1
     + renshe__bcd_date01(((h1 & 4095) << 4) | (h2 >> 28), (h2 >> 20) & 255, (h2 >> 12) & 255)
     * (1 + renshe__id_check01(ord(substr(s, 18, 1)), (2 * (renshe__nib_sum(h1) * 256 + renshe__nib_sum(h2))) % 11)))`,
  `CREATE OR REPLACE MACRO renshe__id18_code(s) AS
     nullif(CAST(s GLOB '${ID18}' AS INTEGER), 0) * renshe__id18_code_h(s, renshe__hex(s, 1, 9), renshe__hex(s, 10, 8))`,
  `CREATE OR REPLACE MACRO renshe__upper_x(t) AS CASE WHEN ord(substr(t, 18, 1)) = 120 THEN substr(t, 1, 17) || 'X' ELSE t END`,
];

const slowMacros: string[] = [
  `CREATE OR REPLACE MACRO renshe__ymd_ok(ymd) AS substr(ymd, 1, 4) >= '1800' AND try_strptime(ymd, '%Y%m%d') IS NOT NULL`,
  `CREATE OR REPLACE MACRO renshe__check_char(sum) AS substr('10X98765432', CAST(sum % 11 AS INTEGER) + 1, 1)`,
  // t is trimmed: shape, then birth date, then check character (the order parseIdNumber uses); 'OK' when valid.
  `CREATE OR REPLACE MACRO renshe__id_slow_reason(t) AS CASE
     WHEN regexp_full_match(t, '\\d{17}[\\dXx]') THEN CASE
       WHEN NOT renshe__ymd_ok(substr(t, 7, 8)) THEN 'ID_BIRTH_DATE'
       WHEN renshe__check_char(${weightedDigits('t', ID_WEIGHTS)}) <> upper(substr(t, 18, 1)) THEN 'ID_CHECK_DIGIT'
       ELSE 'OK' END
     WHEN regexp_full_match(t, '\\d{15}') THEN CASE
       WHEN renshe__ymd_ok('19' || substr(t, 7, 6)) THEN 'OK' ELSE 'ID_BIRTH_DATE' END
     WHEN regexp_full_match(t, '${SCIENTIFIC}') THEN 'ID_SCIENTIFIC'
     WHEN t IS NOT NULL THEN 'ID_FORMAT' END`,
  `CREATE OR REPLACE MACRO renshe__id_slow_normalise(t) AS CASE WHEN renshe__id_slow_reason(t) = 'OK' THEN
     CASE WHEN length(t) = 18 THEN upper(t)
       ELSE substr(t, 1, 6) || '19' || substr(t, 7, 9) || renshe__check_char(${weightedDigits('t', LEGACY_WEIGHTS)}) END END`,
];

const publicMacros: string[] = [
  `CREATE OR REPLACE MACRO renshe_id_reason(s) AS nullif(coalesce(
     ['ID_BIRTH_DATE', 'ID_CHECK_DIGIT', 'OK'][renshe__id18_code(s)],
     CASE WHEN s IS NOT NULL THEN renshe__let(renshe_trim(s), lambda t: renshe__id_slow_reason(t)) END), 'OK')`,
  `CREATE OR REPLACE MACRO renshe_id_normalise(s) AS nullif(coalesce(
     ['', '', renshe__upper_x(s)][renshe__id18_code(s)],
     CASE WHEN s IS NOT NULL THEN renshe__let(renshe_trim(s), lambda t: renshe__id_slow_normalise(t)) END), '')`,
  `CREATE OR REPLACE MACRO renshe_mobile_normalise(s) AS CASE WHEN s GLOB '${MOBILE}' THEN s ELSE nullif(regexp_extract(
     regexp_replace(s, '[ \\t\\r\\n\\x{00A0}\\x{3000}-]', '', 'g'), '^(?:\\+?86|0086)?(1[3-9]\\d{9})$', 1), '') END`,
];

/** Creates (or replaces) the renshe_* identity macros in this database; cheap, safe to call on every open. */
export async function installIdentityMacros(db: Database): Promise<void> {
  for (const sql of [...fastMacros, ...slowMacros, ...publicMacros, ...creditMacros]) await db.run(sql);
}
