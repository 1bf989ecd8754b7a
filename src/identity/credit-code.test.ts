import { describe, it, expect } from 'vitest';
import { CREDIT_CHARSET, creditCodeCheckChar, makeCreditCode, orgCodeCheckChar, parseCreditCode } from './credit-code.ts';

const PUBLISHED = '91350100M000100Y43';

describe('credit code checks', () => {
  it('computes both check characters of the published example', () => {
    expect(creditCodeCheckChar(PUBLISHED.slice(0, 17))).toBe('3');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });
  it('maps GB 11714 remainders 10 and 11 to X and 0', () => {
    expect(orgCodeCheckChar('00000000')).toBe('0'); // sum 0 → 11 → '0'
    expect(orgCodeCheckChar('00000006')).toBe('X'); // sum 12 ≡ 1 → 10 → 'X'
  });
});

describe('parseCreditCode', () => {
  it('accepts the published example, trimmed and in lower case', () => {
    expect(parseCreditCode(PUBLISHED)).toEqual({ ok: true, code: PUBLISHED, region: '350100' });
    expect(parseCreditCode(` ${PUBLISHED.toLowerCase()} `)).toMatchObject({ ok: true, code: PUBLISHED });
  });
  it('rejects every single-character change to any other charset character', () => {
    let tried = 0;
    for (let pos = 0; pos < 18; pos++) {
      for (const c of CREDIT_CHARSET) {
        if (c === PUBLISHED[pos]) continue;
        const mutated = PUBLISHED.slice(0, pos) + c + PUBLISHED.slice(pos + 1);
        if (parseCreditCode(mutated).ok) throw new Error(`accepted mutation ${mutated}`);
        tried++;
      }
    }
    expect(tried).toBe(18 * 30);
  });
  it('reports letters outside the charset and wrong lengths as format errors', () => {
    for (const s of ['91350100M000100Y4', '91350100M000100Y433', '91350100M000100I43', 'O1350100M000100Y43', '91A50100M000100Y43', '']) {
      expect(parseCreditCode(s)).toEqual({ ok: false, reason: 'CREDIT_CODE_FORMAT' });
    }
  });
  it('rejects a code whose overall check holds but whose organisation-code check does not', () => {
    const body = '91350100M000100Y' + '5';
    const code = body + creditCodeCheckChar(body);
    expect(parseCreditCode(code)).toEqual({ ok: false, reason: 'CREDIT_CODE_CHECK' });
  });
});

describe('makeCreditCode', () => {
  it('rebuilds the published example', () => {
    expect(makeCreditCode('9', '1', '350100', 'M000100Y')).toBe(PUBLISHED);
  });
  it('produces codes the parser accepts', () => {
    for (const body of ['12345678', 'ABCDEFGH', '0000000X', 'PQRTUWXY']) {
      expect(parseCreditCode(makeCreditCode('9', '1', '110105', body)).ok).toBe(true);
    }
  });
  it('refuses characters outside the charset', () => {
    expect(() => makeCreditCode('9', '1', '110105', 'ABCDEFGI')).toThrow();
    expect(() => makeCreditCode('Z', '1', '110105', 'ABCDEFGH')).toThrow();
  });
});
