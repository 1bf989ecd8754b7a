import { describe, it, expect } from 'vitest';
import { downgradeToLegacy, idCheckChar, makeIdNumber, parseIdNumber, upgradeLegacyId } from './id-number.ts';

const PUBLISHED = ['11010519491231002X', '440524188001010014'];
const ID_CHARS = '0123456789X';

describe('idCheckChar', () => {
  it('matches the published examples', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });
  it('refuses a body that is not 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow();
  });
});

describe('parseIdNumber', () => {
  it('accepts the published examples and reads region, birth date and sex', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({
      ok: true, id: '11010519491231002X', upgraded: false, region: '110105', birthDate: '1949-12-31', sex: '2',
    });
    expect(parseIdNumber('440524188001010014')).toMatchObject({ ok: true, birthDate: '1880-01-01', sex: '1' });
  });

  it('rejects every single-character change of the published examples', () => {
    let tried = 0;
    for (const id of PUBLISHED) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of ID_CHARS) {
          if (c === id[pos]) continue;
          const mutated = id.slice(0, pos) + c + id.slice(pos + 1);
          const r = parseIdNumber(mutated);
          if (r.ok) throw new Error(`accepted mutation ${mutated}`);
          tried++;
        }
      }
    }
    expect(tried).toBe(2 * 18 * 10);
  });

  it('trims and upper-cases a trailing x', () => {
    expect(parseIdNumber(' 11010519491231002x\u3000')).toMatchObject({ ok: true, id: '11010519491231002X' });
  });

  it('upgrades 15-digit legacy numbers', () => {
    const r = parseIdNumber('110105491231002');
    expect(r).toMatchObject({ ok: true, id: '11010519491231002X', upgraded: true, birthDate: '1949-12-31' });
  });

  it('reports scientific notation separately from other malformed values', () => {
    for (const s of ['1.10105E+17', '4.40524e17', '1,10105E+17', '1E+17', '1.1010519491231E+17']) {
      expect(parseIdNumber(s)).toEqual({ ok: false, reason: 'ID_SCIENTIFIC' });
    }
    for (const s of ['', 'abc', '1101051949123100', '11010519491231002XX', '1101051949123100X2', '110105-19491231-002X']) {
      expect(parseIdNumber(s)).toEqual({ ok: false, reason: 'ID_FORMAT' });
    }
  });

  it('rejects impossible birth dates, with the right check digit or not', () => {
    const feb31 = '11010519490231002';
    expect(parseIdNumber(feb31 + idCheckChar(feb31))).toEqual({ ok: false, reason: 'ID_BIRTH_DATE' });
    const month13 = '11010519491331002';
    expect(parseIdNumber(month13 + idCheckChar(month13))).toEqual({ ok: false, reason: 'ID_BIRTH_DATE' });
    const year1799 = '11010517991231002';
    expect(parseIdNumber(year1799 + idCheckChar(year1799))).toEqual({ ok: false, reason: 'ID_BIRTH_DATE' });
    expect(parseIdNumber('110105490231002')).toEqual({ ok: false, reason: 'ID_BIRTH_DATE' });
    const leap = '11010520000229002';
    expect(parseIdNumber(leap + idCheckChar(leap))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    const notLeap = '11010519000229002';
    expect(parseIdNumber(notLeap + idCheckChar(notLeap))).toEqual({ ok: false, reason: 'ID_BIRTH_DATE' });
  });

  it('reads sex from the parity of the 17th digit', () => {
    for (let seq = 0; seq < 20; seq++) {
      const r = parseIdNumber(makeIdNumber('320102', '1985-06-15', seq));
      expect(r).toMatchObject({ ok: true, sex: seq % 2 === 1 ? '1' : '2' });
    }
  });
});

describe('makeIdNumber / legacy conversions', () => {
  it('builds the published example', () => {
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
  });
  it('refuses impossible inputs', () => {
    expect(() => makeIdNumber('11010', '1949-12-31', 2)).toThrow();
    expect(() => makeIdNumber('110105', '1949-02-30', 2)).toThrow();
    expect(() => makeIdNumber('110105', '1949-12-31', 1000)).toThrow();
  });
  it('round-trips through the legacy form', () => {
    const id = makeIdNumber('510104', '1968-02-29', 137);
    const legacy = downgradeToLegacy(id);
    expect(legacy).toBe('510104680229137');
    expect(upgradeLegacyId(legacy as string)).toBe(id);
    expect(parseIdNumber(legacy as string)).toMatchObject({ ok: true, id, upgraded: true });
  });
  it('has no legacy form outside the 1900s', () => {
    expect(downgradeToLegacy(makeIdNumber('510104', '2001-03-04', 5))).toBeNull();
    expect(downgradeToLegacy('440524188001010014')).toBeNull();
  });
});
