import { describe, it, expect } from 'vitest';
import { seededRandom } from '../platform/clock.ts';
import { entityOf } from '../model/entities.ts';
import { makeIdNumber, parseIdNumber } from '../identity/id-number.ts';
import { makeCreditCode, parseCreditCode } from '../identity/credit-code.ts';
import { applyDefect, defectOptionsOf, defectOutcome, type DefectKind } from './defect-kinds.ts';

const contribution = entityOf('contribution');
const fields = contribution.fields;
const idx = (name: string) => fields.findIndex((f) => f.name === name);
const id = makeIdNumber('510104', '1985-07-08', 17);
const credit = makeCreditCode('9', '1', '510104', 'MA0000A1');
const cleanRow = () => [id, credit, '110', '2026-05', '8000.00', '1280.00', '640.00', '2026-05-31', '2026-05-12', 'normal', '510104'];
const unknown = { personId: () => makeIdNumber('510105', '1970-01-01', 995), employerCode: () => makeCreditCode('9', '1', '510105', 'YAAAAAAA') };

function apply(kind: DefectKind, field: string) {
  const rng = seededRandom(3);
  return applyDefect({ kind, field: idx(field) }, cleanRow(), fields, rng, unknown);
}

describe('defect kinds', () => {
  it('offers only defects that fit the field types', () => {
    const kinds = defectOptionsOf(contribution).map((o) => `${o.kind}:${o.field >= 0 ? fields[o.field].name : ''}`);
    expect(kinds).toContain('id_check_digit:id_number');
    expect(kinds).toContain('ref_unknown_employer:credit_code');
    expect(kinds).toContain('date_format:period');
    expect(kinds).not.toContain('date_incomplete:period');
    expect(kinds).toContain('amount_negative:base');
    const medical = defectOptionsOf(entityOf('medical_settlement')).map((o) => `${o.kind}:${o.field}`);
    const total = entityOf('medical_settlement').fields.findIndex((f) => f.name === 'total_cost');
    expect(medical).not.toContain(`amount_negative:${total}`);
  });

  it('plants ID and credit-code defects that the identity validators reject for the right reason', () => {
    for (let seed = 0; seed < 50; seed++) {
      const rng = seededRandom(seed);
      const bad = applyDefect({ kind: 'id_check_digit', field: 0 }, cleanRow(), fields, rng, unknown)!;
      expect(parseIdNumber(bad[0])).toEqual({ ok: false, reason: 'ID_CHECK_DIGIT' });
      const badCode = applyDefect({ kind: 'credit_code_check', field: 1 }, cleanRow(), fields, rng, unknown)!;
      expect(parseCreditCode(badCode[1])).toEqual({ ok: false, reason: 'CREDIT_CODE_CHECK' });
    }
    expect(parseIdNumber(apply('id_scientific', 'id_number')![0])).toEqual({ ok: false, reason: 'ID_SCIENTIFIC' });
    const legacy = apply('id_legacy_15', 'id_number')![0];
    expect(legacy).toHaveLength(15);
    expect(parseIdNumber(legacy)).toMatchObject({ ok: true, id, upgraded: true });
    expect(parseIdNumber(apply('ref_unknown_person', 'id_number')![0]).ok).toBe(true);
    expect(parseCreditCode(apply('ref_unknown_employer', 'credit_code')![1]).ok).toBe(true);
  });

  it('writes dates and months in the spellings ingest normalises or refuses', () => {
    const dates = new Set<string>();
    for (let seed = 0; seed < 30; seed++) dates.add(applyDefect({ kind: 'date_format', field: idx('due_date') }, cleanRow(), fields, seededRandom(seed), unknown)![idx('due_date')]);
    expect([...dates].sort()).toEqual(['2026/5/31', '20260531', '2026年5月31日']);
    expect(apply('date_format', 'period')![idx('period')]).toBe('2026年5月');
    expect(apply('date_incomplete', 'due_date')![idx('due_date')]).toBe('2026年5月');
    expect(defectOutcome.date_incomplete).toEqual({ expected: 'quarantine', reason: 'DATE_INCOMPLETE' });
  });

  it('makes amounts negative or absurd, regions unknown and codes into labels', () => {
    expect(apply('amount_negative', 'base')![idx('base')]).toBe('-8000.00');
    expect(Number(apply('amount_out_of_range', 'base')![idx('base')])).toBeGreaterThan(1e6);
    expect(apply('region_unknown', 'region')![idx('region')]).toMatch(/^99\d{4}$/);
    expect(apply('code_label', 'scheme')![idx('scheme')]).toBe('企业职工基本养老保险');
    expect(apply('code_label', 'payment_type')![idx('payment_type')]).toBe('正常缴费');
  });

  it('declines defects that cannot apply', () => {
    const row = cleanRow();
    row[idx('paid_date')] = '';
    expect(applyDefect({ kind: 'date_format', field: idx('paid_date') }, row, fields, seededRandom(1), unknown)).toBeNull();
    const young = [...cleanRow()];
    young[0] = makeIdNumber('510104', '2001-01-01', 17);
    expect(applyDefect({ kind: 'id_legacy_15', field: 0 }, young, fields, seededRandom(1), unknown)).toBeNull();
  });
});
