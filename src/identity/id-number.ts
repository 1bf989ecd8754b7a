import { AppError } from '../platform/errors.ts';
import { trimCode } from './text-trim.ts';

/** Resident identity number (GB 11643-1999): 6 region digits, YYYYMMDD, 3 sequence digits, 1 check character. */
export type IdReason = 'ID_FORMAT' | 'ID_SCIENTIFIC' | 'ID_CHECK_DIGIT' | 'ID_BIRTH_DATE';

export type IdParse =
  | { ok: true; id: string; upgraded: boolean; region: string; birthDate: string; sex: '1' | '2' }
  | { ok: false; reason: IdReason };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Validation accepts old residents' numbers (the published example 440524188001010014 is born 1880). */
export const MIN_BIRTH_YEAR = 1800;

const ID18 = /^\d{17}[\dXx]$/;
const ID15 = /^\d{15}$/;
const BODY17 = /^\d{17}$/;
/** What a spreadsheet shows after turning an ID column into numbers: 1.10105E+17, 4.40524E17, 1,10105e+17. */
const SCIENTIFIC = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)[eE][+-]?\d+$/;

/** ISO 7064 MOD 11-2 check character over the first 17 digits. */
export function idCheckChar(body17: string): string {
  if (!BODY17.test(body17)) throw badInput(`idCheckChar needs 17 digits, got "${body17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** `yyyymmdd` (8 digits) → `YYYY-MM-DD`, or null when it is not a real date from MIN_BIRTH_YEAR on. */
function birthDateOf(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < MIN_BIRTH_YEAR || !isRealDate(y, m, d)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Validates and normalises an ID number. Order of checks: shape, then birth date, then check character, so a
 * typo in the date part reports the date. Future birth dates and the 1900 floor are ingest's range checks.
 */
export function parseIdNumber(raw: string): IdParse {
  const t = trimCode(raw);
  let id: string;
  let upgraded = false;
  if (ID18.test(t)) {
    id = t.toUpperCase();
  } else if (ID15.test(t)) {
    if (birthDateOf(`19${t.slice(6, 12)}`) === null) return { ok: false, reason: 'ID_BIRTH_DATE' };
    id = upgradeLegacyId(t);
    upgraded = true;
  } else {
    return { ok: false, reason: SCIENTIFIC.test(t) ? 'ID_SCIENTIFIC' : 'ID_FORMAT' };
  }
  const birthDate = birthDateOf(id.slice(6, 14));
  if (birthDate === null) return { ok: false, reason: 'ID_BIRTH_DATE' };
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'ID_CHECK_DIGIT' };
  const sex = (id.charCodeAt(16) - 48) % 2 === 1 ? '1' : '2';
  return { ok: true, id, upgraded, region: id.slice(0, 6), birthDate, sex };
}

/** Builds a valid 18-character number; the sequence's parity decides the sex (odd male, even female). */
export function makeIdNumber(region6: string, birthDate: string, sequence3: number): string {
  if (!/^\d{6}$/.test(region6)) throw badInput(`region must be 6 digits, got "${region6}"`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || birthDateOf(m[1] + m[2] + m[3]) === null) throw badInput(`birth date must be a real YYYY-MM-DD, got "${birthDate}"`);
  if (!Number.isInteger(sequence3) || sequence3 < 0 || sequence3 > 999) throw badInput(`sequence must be 0–999, got ${sequence3}`);
  const body = region6 + m[1] + m[2] + m[3] + String(sequence3).padStart(3, '0');
  return body + idCheckChar(body);
}

/** 15-digit legacy number (19YY century implied, no check character) → 18 characters. */
export function upgradeLegacyId(id15: string): string {
  if (!ID15.test(id15)) throw badInput(`legacy ID must be 15 digits, got "${id15}"`);
  const body = id15.slice(0, 6) + '19' + id15.slice(6);
  return body + idCheckChar(body);
}

/** The legacy form a 1900s-born person's number would have had; null when no such form exists. */
export function downgradeToLegacy(id18: string): string | null {
  if (!ID18.test(id18) || id18.slice(6, 8) !== '19') return null;
  return id18.slice(0, 6) + id18.slice(8, 17);
}

function badInput(en: string): AppError {
  return new AppError('INPUT_INVALID', { zh: `身份证号码生成参数无效：${en}`, en: `Invalid ID number input: ${en}` });
}
