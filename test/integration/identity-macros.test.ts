import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDatabase } from '../../src/platform/duckdb-database.ts';
import type { Database } from '../../src/platform/database.ts';
import { seededRandom, type Random } from '../../src/platform/clock.ts';
import { installIdentityMacros } from '../../src/identity/identity-macros-store.ts';
import { downgradeToLegacy, makeIdNumber, parseIdNumber } from '../../src/identity/id-number.ts';
import { CREDIT_CHARSET, makeCreditCode, parseCreditCode } from '../../src/identity/credit-code.ts';
import { normaliseMobile } from '../../src/identity/phone.ts';

const REGIONS = ['110105', '510104', '440524', '320102', '350100', '650102', '820000'];
const NOISE = ['', ' ', '\u3000', '\t', '-', 'x', 'X', '+86', '86', 'E', '.', 'Ｘ', '中', '0', '\u00a0'];

function anId(rnd: Random): string {
  const y = rnd.int(1800, 2030);
  const m = String(rnd.int(1, 12)).padStart(2, '0');
  const d = String(rnd.int(1, 28)).padStart(2, '0');
  return makeIdNumber(rnd.pick(REGIONS), `${y}-${m}-${d}`, rnd.int(0, 999));
}

function mutate(rnd: Random, s: string, alphabet: string): string {
  const pos = rnd.int(0, s.length - 1);
  return s.slice(0, pos) + rnd.pick([...alphabet]) + s.slice(pos + 1);
}

function garbage(rnd: Random): string {
  const len = rnd.int(0, 20);
  let out = '';
  for (let i = 0; i < len; i++) out += rnd.chance(0.7) ? String(rnd.int(0, 9)) : rnd.pick(NOISE);
  return out;
}

/** ≥ 20,000 inputs mixing valid values, single-character mutations, legacy, spreadsheet damage and garbage. */
function generateInputs(n: number): string[] {
  const rnd = seededRandom('identity-macros');
  const out: string[] = [];
  while (out.length < n) {
    const id = anId(rnd);
    const cc = makeCreditCode(rnd.pick(['1', '5', '9', 'Y']), rnd.pick(['1', '2', '3']), rnd.pick(REGIONS),
      Array.from({ length: 8 }, () => rnd.pick([...CREDIT_CHARSET])).join(''));
    const mobile = `1${rnd.int(3, 9)}${String(rnd.int(0, 999_999_999)).padStart(9, '0')}`;
    const legacy = downgradeToLegacy(id);
    out.push(
      id,
      rnd.chance(0.5) ? id.toLowerCase() : ` ${id}\u3000`,
      mutate(rnd, id, '0123456789Xx'),
      legacy ?? id.slice(0, 6) + id.slice(8, 17),
      mutate(rnd, id.slice(0, 6) + id.slice(8, 17), '0123456789'),
      `${id[0]}.${id.slice(1, rnd.int(2, 12))}E+${rnd.int(15, 17)}`,
      cc,
      rnd.chance(0.5) ? cc.toLowerCase() : `\t${cc} `,
      mutate(rnd, cc, CREDIT_CHARSET + 'IOSVZa'),
      mobile,
      rnd.pick(['+86 ', '86', '0086', '']) + mobile.slice(0, 3) + rnd.pick(['-', ' ', '']) + mobile.slice(3),
      mutate(rnd, mobile, '0123456789+- '),
      garbage(rnd),
    );
  }
  return out;
}

interface MacroRow {
  i: number;
  id_reason: string | null;
  id_norm: string | null;
  cc_reason: string | null;
  cc_norm: string | null;
  mobile: string | null;
}

describe('identity SQL macros', () => {
  let dir: string;
  let db: Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'renshe-identity-'));
    db = await openDuckDatabase(join(dir, 'test.duckdb'));
    await installIdentityMacros(db);
    await installIdentityMacros(db); // CREATE OR REPLACE: installing twice is harmless
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('agree with the TypeScript functions on 20,000+ generated inputs', async () => {
    const inputs = generateInputs(26_000);
    await db.run('CREATE TABLE identity_input (i INTEGER, s VARCHAR)');
    await db.append('identity_input', [
      { name: 'i', type: 'INTEGER', values: inputs.map((_, i) => i) },
      { name: 's', type: 'VARCHAR', values: inputs },
    ]);
    const rows = await db.query<MacroRow>(`SELECT i, renshe_id_reason(s) AS id_reason, renshe_id_normalise(s) AS id_norm,
      renshe_credit_reason(s) AS cc_reason, renshe_credit_normalise(s) AS cc_norm, renshe_mobile_normalise(s) AS mobile
      FROM identity_input ORDER BY i`);
    expect(rows.length).toBe(inputs.length);
    const mismatches: string[] = [];
    const counts: Record<string, number> = {};
    for (const r of rows) {
      const s = inputs[r.i];
      const id = parseIdNumber(s);
      const cc = parseCreditCode(s);
      const want = {
        id_reason: id.ok ? null : id.reason,
        id_norm: id.ok ? id.id : null,
        cc_reason: cc.ok ? null : cc.reason,
        cc_norm: cc.ok ? cc.code : null,
        mobile: normaliseMobile(s),
      };
      const got = { id_reason: r.id_reason, id_norm: r.id_norm, cc_reason: r.cc_reason, cc_norm: r.cc_norm, mobile: r.mobile };
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${JSON.stringify(s)} sql=${JSON.stringify(got)} ts=${JSON.stringify(want)}`);
      const key = `id:${want.id_reason ?? (id.ok && id.upgraded ? 'upgraded' : 'ok')}`;
      counts[key] = (counts[key] ?? 0) + 1;
      counts[`cc:${want.cc_reason ?? 'ok'}`] = (counts[`cc:${want.cc_reason ?? 'ok'}`] ?? 0) + 1;
      counts[`mobile:${want.mobile ? 'ok' : 'no'}`] = (counts[`mobile:${want.mobile ? 'ok' : 'no'}`] ?? 0) + 1;
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    // Every outcome class is exercised, so agreement means something.
    for (const k of ['id:ok', 'id:upgraded', 'id:ID_FORMAT', 'id:ID_SCIENTIFIC', 'id:ID_CHECK_DIGIT', 'id:ID_BIRTH_DATE',
      'cc:ok', 'cc:CREDIT_CODE_FORMAT', 'cc:CREDIT_CODE_CHECK', 'mobile:ok', 'mobile:no']) {
      expect(counts[k] ?? 0, k).toBeGreaterThan(100);
    }
  });

  it('return NULL for NULL input and reject the empty string', async () => {
    const [r] = await db.query(`SELECT renshe_id_reason(NULL) AS a, renshe_id_normalise(NULL) AS b, renshe_credit_reason(NULL) AS c,
      renshe_credit_normalise(NULL) AS d, renshe_mobile_normalise(NULL) AS e, renshe_id_reason('') AS f, renshe_credit_reason('') AS g`);
    expect(r).toEqual({ a: null, b: null, c: null, d: null, e: null, f: 'ID_FORMAT', g: 'CREDIT_CODE_FORMAT' });
  });

  it('upgrade the published legacy example and accept the published examples', async () => {
    const [r] = await db.query(`SELECT renshe_id_normalise('110105491231002') AS legacy, renshe_id_reason('440524188001010014') AS old,
      renshe_id_reason('1.10105E+17') AS sci, renshe_credit_normalise('91350100m000100y43') AS cc`);
    expect(r).toEqual({ legacy: '11010519491231002X', old: null, sci: 'ID_SCIENTIFIC', cc: '91350100M000100Y43' });
  });
});
