import { AppError } from '../platform/errors.ts';
import { trimCode } from './text-trim.ts';

/**
 * Unified social credit code (GB 32100-2015): registration department (1), organisation type (1), region (6
 * digits), organisation code (9, itself GB 11714 checked), check character (1). No I, O, S, V or Z anywhere.
 */
export const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

const C = '[0-9A-HJ-NP-RTUW-Y]';
const CREDIT_SHAPE = new RegExp(`^${C}{2}\\d{6}${C}{10}$`);
const BODY17 = new RegExp(`^${C}{17}$`);
const ORG_BODY8 = new RegExp(`^${C}{8}$`);

export type CreditReason = 'CREDIT_CODE_FORMAT' | 'CREDIT_CODE_CHECK';
export type CreditParse = { ok: true; code: string; region: string } | { ok: false; reason: CreditReason };

export function creditCodeCheckChar(body17: string): string {
  if (!BODY17.test(body17)) throw badInput(`creditCodeCheckChar needs 17 charset characters, got "${body17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(body17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check over 8 characters, digits 0–9 and letters A=10 … Z=35. */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw badInput(`orgCodeCheckChar needs 8 of 0-9A-Z, got "${body8}"`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * ORG_WEIGHTS[i];
  }
  const v = 11 - (sum % 11);
  return v === 10 ? 'X' : v === 11 ? '0' : String(v);
}

/** Trims and upper-cases; both the overall check and the embedded organisation-code check must hold. */
export function parseCreditCode(raw: string): CreditParse {
  const code = trimCode(raw).toUpperCase();
  if (!CREDIT_SHAPE.test(code)) return { ok: false, reason: 'CREDIT_CODE_FORMAT' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: 'CREDIT_CODE_CHECK' };
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return { ok: false, reason: 'CREDIT_CODE_CHECK' };
  return { ok: true, code, region: code.slice(2, 8) };
}

export function makeCreditCode(registrationDept: string, orgType: string, region6: string, orgBody8: string): string {
  if (!new RegExp(`^${C}$`).test(registrationDept)) throw badInput(`registration department "${registrationDept}"`);
  if (!new RegExp(`^${C}$`).test(orgType)) throw badInput(`organisation type "${orgType}"`);
  if (!/^\d{6}$/.test(region6)) throw badInput(`region "${region6}" must be 6 digits`);
  if (!ORG_BODY8.test(orgBody8)) throw badInput(`organisation code body "${orgBody8}" must be 8 charset characters`);
  const body = registrationDept + orgType + region6 + orgBody8 + orgCodeCheckChar(orgBody8);
  return body + creditCodeCheckChar(body);
}

function badInput(en: string): AppError {
  return new AppError('INPUT_INVALID', { zh: `统一社会信用代码参数无效：${en}`, en: `Invalid credit code input: ${en}` });
}
