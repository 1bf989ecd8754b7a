import { describe, it, expect } from 'vitest';
import { seededRandom } from '../platform/clock.ts';
import { entityOf } from '../model/entities.ts';
import { makeCreditCode } from '../identity/credit-code.ts';
import { makeIdNumber } from '../identity/id-number.ts';
import { RowEmitter, type DefectRecord, type RowSink } from './row-emitter.ts';
import type { DefectKind } from './defect-kinds.ts';

function memorySink() {
  const rows: { entity: string; cells: string[] }[] = [];
  const defects: DefectRecord[] = [];
  const sink: RowSink = { write: (entity, cells) => rows.push({ entity, cells: [...cells] }), defect: (d) => defects.push(d) };
  return { sink, rows, defects };
}

const entities = ['person', 'employer', 'contribution'].map(entityOf);
const unknown = { personId: () => makeIdNumber('510105', '1970-01-01', 995), employerCode: () => makeCreditCode('9', '1', '510105', 'YAAAAAAA') };
const aPerson = (id: string) => [id, '张三', '1', `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, '510104', 'urban', '510104', 'bachelor', '2010', '13812345678', 'H1', 'none', '否', ''];
const aContribution = (id: string, credit = '') => [id, credit, '110', '2026-05', '8000.00', '1280.00', '640.00', '2026-05-31', '2026-05-12', 'normal', '510104'];

function emitter(rate: number, weights: Partial<Record<DefectKind, number>>, sink: RowSink) {
  return new RowEmitter(entities, (e) => `${e}.csv`, sink, rate, weights, seededRandom(5), unknown);
}

describe('RowEmitter', () => {
  it('writes clean rows untouched when the rate is zero', () => {
    const m = memorySink();
    const e = emitter(0, { id_check_digit: 1 }, m.sink);
    const id = makeIdNumber('510104', '1985-07-08', 17);
    expect(e.emit('person', aPerson(id))).toBe(true);
    expect(m.rows[0].cells).toEqual(aPerson(id));
    expect(m.defects).toEqual([]);
  });

  it('gives a defective row exactly one defect and cascades a quarantined person to its rows', () => {
    const m = memorySink();
    const e = emitter(1, { id_check_digit: 1 }, m.sink);
    const id = makeIdNumber('510104', '1985-07-08', 17);
    expect(e.emit('person', aPerson(id))).toBe(false);
    expect(e.badPersons.has(id)).toBe(true);
    expect(e.emit('contribution', aContribution(id))).toBe(false);
    expect(m.rows[1].cells).toEqual(aContribution(id));
    expect(m.defects).toEqual([
      { file: 'person.csv', entity: 'person', rowNo: 1, kind: 'id_check_digit', field: 'id_number', expected: 'quarantine', reason: 'ID_CHECK_DIGIT' },
      { file: 'contribution.csv', entity: 'contribution', rowNo: 1, kind: 'cascade', field: 'id_number', expected: 'quarantine', reason: 'REF_UNKNOWN_PERSON' },
    ]);
  });

  it('cascades rows of a quarantined employer with REF_UNKNOWN_EMPLOYER', () => {
    const m = memorySink();
    const e = emitter(1, { region_unknown: 1 }, m.sink);
    const credit = makeCreditCode('9', '1', '510104', 'MA0000A1');
    e.emit('employer', [credit, '成都某公司', 'C', 'private', '510104', '2010-01-01', '', 'small', '', '5']);
    e.emit('contribution', aContribution(makeIdNumber('510104', '1985-07-08', 17), credit));
    expect(m.defects.map((d) => [d.kind, d.reason])).toEqual([['region_unknown', 'REGION_UNKNOWN'], ['cascade', 'REF_UNKNOWN_EMPLOYER']]);
  });

  it('plants a duplicate as the copy right after a loaded original, and repairs load', () => {
    const m = memorySink();
    const e = emitter(1, { duplicate_row: 1 }, m.sink);
    const id = makeIdNumber('510104', '1985-07-08', 17);
    expect(e.emit('person', aPerson(id))).toBe(true);
    expect(m.rows.map((r) => r.cells)).toEqual([aPerson(id), aPerson(id)]);
    expect(m.defects[0]).toMatchObject({ rowNo: 2, kind: 'duplicate_row', reason: 'DUPLICATE_ROW' });
    expect(e.rowCount('person')).toBe(2);
    const r = memorySink();
    const repair = emitter(1, { code_label: 1 }, r.sink);
    expect(repair.emit('person', aPerson(id))).toBe(true);
    expect(r.defects[0]).toMatchObject({ expected: 'repair', reason: 'CODE_LABEL' });
  });

  it('plants defects in about the configured share of rows', () => {
    const m = memorySink();
    const e = emitter(0.05, { date_format: 1, amount_negative: 1 }, m.sink);
    for (let i = 0; i < 4000; i++) e.emit('contribution', aContribution(makeIdNumber('510104', '1985-07-08', 17)));
    expect(m.defects.length).toBeGreaterThan(140);
    expect(m.defects.length).toBeLessThan(260);
  });
});
