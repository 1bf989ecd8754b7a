import type { Random } from '../platform/clock.ts';
import { codeLists, type Code, type CodeListName } from '../model/code-lists.ts';
import type { EntityDef, FieldDef } from '../model/field-types.ts';
import type { ReasonCode, RepairCode } from '../ingest/reason-codes.ts';
import { downgradeToLegacy } from '../identity/id-number.ts';
import { CREDIT_CHARSET } from '../identity/credit-code.ts';

/** The defects the generator plants, one per defective row, and what ingest must do with each. */
export type DefectKind =
  | 'id_check_digit'
  | 'id_scientific'
  | 'id_legacy_15'
  | 'date_format'
  | 'date_incomplete'
  | 'region_unknown'
  | 'duplicate_row'
  | 'amount_negative'
  | 'amount_out_of_range'
  | 'ref_unknown_person'
  | 'ref_unknown_employer'
  | 'credit_code_check'
  | 'code_label';

export const defectOutcome: Record<DefectKind, { expected: 'quarantine' | 'repair'; reason: ReasonCode | RepairCode }> = {
  id_check_digit: { expected: 'quarantine', reason: 'ID_CHECK_DIGIT' },
  id_scientific: { expected: 'quarantine', reason: 'ID_SCIENTIFIC' },
  id_legacy_15: { expected: 'repair', reason: 'ID_UPGRADED_15' },
  date_format: { expected: 'repair', reason: 'DATE_NORMALISED' },
  date_incomplete: { expected: 'quarantine', reason: 'DATE_INCOMPLETE' },
  region_unknown: { expected: 'quarantine', reason: 'REGION_UNKNOWN' },
  duplicate_row: { expected: 'quarantine', reason: 'DUPLICATE_ROW' },
  amount_negative: { expected: 'quarantine', reason: 'AMOUNT_NEGATIVE' },
  amount_out_of_range: { expected: 'quarantine', reason: 'AMOUNT_OUT_OF_RANGE' },
  ref_unknown_person: { expected: 'quarantine', reason: 'REF_UNKNOWN_PERSON' },
  ref_unknown_employer: { expected: 'quarantine', reason: 'REF_UNKNOWN_EMPLOYER' },
  credit_code_check: { expected: 'quarantine', reason: 'CREDIT_CODE_CHECK' },
  code_label: { expected: 'repair', reason: 'CODE_LABEL' },
};

/** A (kind, field) pair a row of an entity can carry; field −1 = the whole row. */
export interface DefectOption {
  kind: DefectKind;
  field: number;
}

/** Count fields where a negative or absurd value is an "amount" error rather than some other check. */
const COUNT_FIELDS = new Set(['members', 'positions', 'workers', 'workers_affected']);
/**
 * Where the amount checks must not collide with ingest's consistency checks (fund + out-of-pocket ≤ total,
 * wage_min ≤ wage_max): only these fields get negative / out-of-range values.
 */
const NEGATIVE_ONLY: Record<string, string[]> = {
  medical_settlement: ['fund_paid', 'out_of_pocket'],
  vacancy: ['wage_min'],
};
const OUT_OF_RANGE_ONLY: Record<string, string[]> = {
  medical_settlement: ['total_cost'],
  vacancy: ['wage_max'],
};

export function defectOptionsOf(entity: EntityDef): DefectOption[] {
  const out: DefectOption[] = [{ kind: 'duplicate_row', field: -1 }];
  entity.fields.forEach((f, i) => {
    const t = f.type;
    if (t.kind === 'id_number') {
      out.push({ kind: 'id_check_digit', field: i }, { kind: 'id_scientific', field: i }, { kind: 'id_legacy_15', field: i });
      if (f.references === 'person') out.push({ kind: 'ref_unknown_person', field: i });
    } else if (t.kind === 'credit_code') {
      out.push({ kind: 'credit_code_check', field: i });
      if (f.references === 'employer') out.push({ kind: 'ref_unknown_employer', field: i });
    } else if (t.kind === 'date') {
      out.push({ kind: 'date_format', field: i }, { kind: 'date_incomplete', field: i });
    } else if (t.kind === 'month') {
      out.push({ kind: 'date_format', field: i });
    } else if (t.kind === 'region') {
      out.push({ kind: 'region_unknown', field: i });
    } else if (t.kind === 'code') {
      out.push({ kind: 'code_label', field: i });
    } else if ((t.kind === 'decimal' || (t.kind === 'integer' && COUNT_FIELDS.has(f.name))) && t.min >= 0) {
      const neg = NEGATIVE_ONLY[entity.name];
      const oor = OUT_OF_RANGE_ONLY[entity.name];
      if (!neg || neg.includes(f.name)) out.push({ kind: 'amount_negative', field: i });
      if (!oor || oor.includes(f.name)) out.push({ kind: 'amount_out_of_range', field: i });
    }
  });
  return out;
}

const ymd = (s: string) => /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
const ym = (s: string) => /^(\d{4})-(\d{2})$/.exec(s);

/**
 * Applies a defect to a copy of the cells; returns null when it cannot apply to these values (empty field,
 * an ID with no legacy form, a zero amount), so the caller tries another option.
 */
export function applyDefect(
  option: DefectOption,
  cells: readonly string[],
  fields: readonly FieldDef[],
  rng: Random,
  unknown: { personId: () => string; employerCode: () => string },
): string[] | null {
  if (option.kind === 'duplicate_row') return [...cells];
  const value = cells[option.field];
  if (value === '') return null;
  const field = fields[option.field];
  const out = [...cells];
  const set = (v: string | null) => {
    if (v === null) return null;
    out[option.field] = v;
    return out;
  };
  switch (option.kind) {
    case 'id_check_digit': {
      const wrong = '0123456789X'.replace(value[17], '');
      return set(value.slice(0, 17) + wrong[rng.int(0, wrong.length - 1)]);
    }
    case 'id_scientific':
      return set(`${value[0]}.${value.slice(1, 6).replace(/0+$/, '') || '0'}E+17`);
    case 'id_legacy_15':
      return set(downgradeToLegacy(value));
    case 'credit_code_check': {
      const wrong = CREDIT_CHARSET.replace(value[17], '');
      return set(value.slice(0, 17) + wrong[rng.int(0, wrong.length - 1)]);
    }
    case 'ref_unknown_person':
      return set(unknown.personId());
    case 'ref_unknown_employer':
      return set(unknown.employerCode());
    case 'date_format': {
      if (field.type.kind === 'month') {
        const m = ym(value);
        return set(m ? `${m[1]}年${Number(m[2])}月` : null);
      }
      const m = ymd(value);
      if (!m) return null;
      const style = rng.int(0, 2);
      if (style === 0) return set(m[1] + m[2] + m[3]);
      if (style === 1) return set(`${m[1]}/${Number(m[2])}/${Number(m[3])}`);
      return set(`${m[1]}年${Number(m[2])}月${Number(m[3])}日`);
    }
    case 'date_incomplete': {
      const m = ymd(value);
      return set(m ? `${m[1]}年${Number(m[2])}月` : null);
    }
    case 'region_unknown':
      return set(`99${rng.int(1000, 9999)}`);
    case 'amount_negative':
      return Number(value) > 0 ? set(`-${value}`) : null;
    case 'amount_out_of_range': {
      if (field.type.kind !== 'decimal' && field.type.kind !== 'integer') return null;
      const big = field.type.max * rng.int(2, 9);
      return set(field.type.kind === 'decimal' ? big.toFixed(2) : String(big));
    }
    case 'code_label': {
      if (field.type.kind !== 'code') return null;
      const code = (codeLists[field.type.list as CodeListName] as Code[]).find((c) => c.code === value);
      return set(code && code.zh !== value ? code.zh : null);
    }
  }
}
