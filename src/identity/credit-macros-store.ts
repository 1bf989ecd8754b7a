/**
 * Credit-code SQL macros, installed by installIdentityMacros (identity-macros-store.ts explains the fast/slow
 * path split). Fast path: 8 characters at a time become one UBIGINT of ASCII bytes (hex() then a hex cast). A
 * byte's value in the 31-character set is b − 48 − 7·[b > 64] − [b > 73] − [b > 79] − [b > 83] − [b > 86]
 * (skipping I, O, S, V); each [b > k] is computed for all 8 bytes at once by adding 127 − k and taking bit 7.
 * The GB 32100 weights are 3^k mod 31 and the GB 11714 weights 2^k mod 11, so both sums fold pairwise.
 */
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const CC = '[0-9A-HJ-NP-RTUW-Y]';
const CREDIT = `${CC}${CC}${'[0-9]'.repeat(6)}${CC.repeat(10)}`;
const u64 = (n: bigint): string => `${n}::UBIGINT`;
const ONES8 = u64(0x0101010101010101n);
const ONES2 = u64(0x0101n);
const LOW7 = u64(0x7f7f7f7f7f7f7f7fn);
const M8 = u64(0x00ff00ff00ff00ffn);
const M16 = u64(0x0000ffff0000ffffn);
const M32 = u64(0xffffffffn);

export const creditMacros: string[] = [
  // Bytes above 0x7F (non-ASCII garbage) are masked so that no operator below can overflow on any input.
  `CREATE OR REPLACE MACRO renshe__bytes(u, i, n) AS TRY_CAST('0x' || hex(substr(u, i, n)) AS UBIGINT) & ${LOW7}`,
  `CREATE OR REPLACE MACRO renshe__gt(x, k, ones) AS ((x + CAST(127 - k AS UBIGINT) * ones) >> 7) & ones`,
  // Lane values carry a bias (55 = 5·11 for GB 11714, 62 = 2·31 for GB 32100) that keeps every lane non-negative
  // for any byte, including the zero bytes of short strings, and vanishes modulo 11 or 31.
  `CREATE OR REPLACE MACRO renshe__org_values(x, ones) AS (x + 7 * ones) - 7 * renshe__gt(x, 64, ones)`,
  `CREATE OR REPLACE MACRO renshe__cc_values(x, ones) AS (x + 14 * ones) - (7 * renshe__gt(x, 64, ones)
     + renshe__gt(x, 73, ones) + renshe__gt(x, 79, ones) + renshe__gt(x, 83, ones) + renshe__gt(x, 86, ones))`,
  // Σ v_i·3^(i-1) over the 8 bytes, first character (top byte) weight 1.
  `CREATE OR REPLACE MACRO renshe__pow3a(v) AS (v & ${M8}) * 3 + ((v >> 8) & ${M8})`,
  `CREATE OR REPLACE MACRO renshe__pow3b(p) AS (p & ${M16}) * 9 + ((p >> 16) & ${M16})`,
  `CREATE OR REPLACE MACRO renshe__pow3_sum(v) AS (renshe__pow3b(renshe__pow3a(v)) & ${M32}) * 81
     + (renshe__pow3b(renshe__pow3a(v)) >> 32)`,
  // Σ v_i·2^(8-i) over the 8 bytes, first character (top byte) weight 2^7.
  `CREATE OR REPLACE MACRO renshe__pow2a(v) AS (v & ${M8}) + ((v >> 8) & ${M8}) * 2`,
  `CREATE OR REPLACE MACRO renshe__pow2b(p) AS (p & ${M16}) + ((p >> 16) & ${M16}) * 4`,
  `CREATE OR REPLACE MACRO renshe__pow2_sum(v) AS (renshe__pow2b(renshe__pow2a(v)) & ${M32})
     + (renshe__pow2b(renshe__pow2a(v)) >> 32) * 16`,
  // Weights of characters 9 and 17 are 3^8 ≡ 20 and 3^16 ≡ 28 (mod 31); the GB 11714 sum is twice the pow2 sum,
  // and its check 11 − sum % 11 is written '1'…'9', 'X' (10), '0' (11): ASCII codes by that value.
  `CREATE OR REPLACE MACRO renshe__credit_ok01(a, b, c) AS
     CAST((31 - (renshe__pow3_sum(renshe__cc_values(a, ${ONES8})) + 20 * renshe__pow3_sum(renshe__cc_values(b, ${ONES8}))
       + 28 * (renshe__cc_values(c, ${ONES2}) >> 8)) % 31) % 31 = (renshe__cc_values(c, ${ONES2}) & 255) % 31 AS INTEGER)
     * CAST((c >> 8) = [49, 50, 51, 52, 53, 54, 55, 56, 57, 88, 48][
         CAST(11 - (2 * renshe__pow2_sum(renshe__org_values(b, ${ONES8}))) % 11 AS BIGINT)] AS INTEGER)`,
  // 1 = check characters wrong, 2 = valid; NULL when u is not 18 upper-case charset characters.
  `CREATE OR REPLACE MACRO renshe__credit_code(u) AS nullif(CAST(u GLOB '${CREDIT}' AS INTEGER), 0)
     * (1 + renshe__credit_ok01(renshe__bytes(u, 1, 8), renshe__bytes(u, 9, 8), renshe__bytes(u, 17, 2)))`,

  // Slow path, u trimmed and upper-cased, character by character; 'OK' when valid.
  `CREATE OR REPLACE MACRO renshe__credit_slow_reason(u) AS CASE
     WHEN NOT regexp_full_match(u, '${CREDIT}') THEN 'CREDIT_CODE_FORMAT'
     WHEN substr('${CREDIT_CHARSET}', CAST((31 - (${CREDIT_WEIGHTS.map((w, i) => `${w} * (strpos('${CREDIT_CHARSET}', substr(u, ${i + 1}, 1)) - 1)`).join(' + ')}) % 31) % 31 AS INTEGER) + 1, 1)
       <> substr(u, 18, 1) THEN 'CREDIT_CODE_CHECK'
     WHEN substr('0123456789X0', CAST(11 - (${ORG_WEIGHTS.map((w, i) => `${w} * (ord(substr(u, ${9 + i}, 1)) - CASE WHEN ord(substr(u, ${9 + i}, 1)) <= 57 THEN 48 ELSE 55 END)`).join(' + ')}) % 11 AS INTEGER) + 1, 1)
       <> substr(u, 17, 1) THEN 'CREDIT_CODE_CHECK'
     ELSE 'OK' END`,

  `CREATE OR REPLACE MACRO renshe_credit_reason(s) AS nullif(coalesce(['CREDIT_CODE_CHECK', 'OK'][renshe__credit_code(s)],
     CASE WHEN s IS NOT NULL THEN renshe__let(upper(renshe_trim(s)), lambda u: renshe__credit_slow_reason(u)) END), 'OK')`,
  `CREATE OR REPLACE MACRO renshe_credit_normalise(s) AS nullif(coalesce(['', s][renshe__credit_code(s)],
     CASE WHEN s IS NOT NULL THEN renshe__let(upper(renshe_trim(s)),
       lambda u: CASE WHEN renshe__credit_slow_reason(u) = 'OK' THEN u END) END), '')`,
];
