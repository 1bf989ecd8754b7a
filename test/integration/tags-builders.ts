import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entityOf } from '../../src/model/entities.ts';
import { sqlTypeOf } from '../../src/model/field-types.ts';
import type { AppendColumn, Database } from '../../src/platform/database.ts';
import { openDuckDatabase } from '../../src/platform/duckdb-database.ts';
import { ensureSchema } from '../../src/platform/schema-store.ts';

/** Test data builders for the facts/tags/segments/profiles tests: rows with sensible defaults, appended in bulk. */
type Value = string | number | boolean | null;
export type RowOf = Record<string, Value>;

let sequence = 0;
/** An 18-character ID-number-shaped key: region + birth date + sequence (check characters are not needed here). */
export function anId(birthDate = '1990-01-01', region = '510104'): string {
  sequence += 1;
  return `${region}${birthDate.replaceAll('-', '')}${String(sequence % 1000).padStart(3, '0')}X`;
}

export function aCreditCode(): string {
  sequence += 1;
  return `91510100MA${String(sequence).padStart(7, '0')}X`;
}

export type PersonRow = RowOf & { id_number: string; birth_date: string };
export type EmployerRow = RowOf & { credit_code: string };

export const aPerson = (o: RowOf = {}): PersonRow => {
  const birth = (o.birth_date as string) ?? '1990-01-01';
  return {
    id_number: anId(birth), name: '张三', sex: '1', birth_date: birth, hukou_region: '510104', hukou_type: 'urban',
    residence_region: '510104', education: 'senior', graduation_year: null, phone: '13800138000', household_id: null,
    disability: 'none', demobilised_officer: false, death_date: null, ...o,
  } as PersonRow;
};
export const anEmployer = (o: RowOf = {}): EmployerRow => ({
  credit_code: aCreditCode(), name: '某某有限公司', industry: 'C', ownership: 'private', region: '510104',
  registered_date: '2010-01-01', deregistered_date: null, size: 'small', legal_rep_id_number: null, injury_risk_class: 2, ...o,
}) as EmployerRow;
export const anEmployment = (o: RowOf = {}): RowOf => ({
  id_number: null, credit_code: null, occupation: '6-01-01-01', contract_type: 'fixed', start_date: '2020-01-01',
  end_date: null, separation_reason: null, monthly_wage: 6000, ...o,
});
export const aContribution = (o: RowOf = {}): RowOf => ({
  id_number: null, credit_code: null, scheme: '110', period: '2026-09-01', base: 6000, employer_amount: 960,
  personal_amount: 480, due_date: '2026-10-15', paid_date: '2026-10-10', payment_type: 'normal', region: '510104', ...o,
});
export const anEnrolment = (o: RowOf = {}): RowOf => ({
  id_number: null, scheme: '110', status: 'active', effective_date: '2020-01-01', credit_code: null, region: '510104', flexible: false, ...o,
});
export const aHousehold = (o: RowOf = {}): RowOf => ({ household_id: 'H1', region: '510104', hukou_type: 'urban', low_income: false, members: 3, ...o });
export const aBirth = (o: RowOf = {}): RowOf => ({
  birth_cert_no: `B${++sequence}`, child_id_number: null, birth_date: '2026-05-01', mother_id_number: null, father_id_number: null, region: '510104', ...o,
});
export const aJobSeeker = (o: RowOf = {}): RowOf => ({
  id_number: null, registration_type: 'unemployed', registered_date: '2025-01-01', ended_date: null, desired_occupation: null,
  wants_business: false, region: '510104', ...o,
});
export const aBenefit = (o: RowOf = {}): RowOf => ({ id_number: null, benefit_type: 'pension', period: '2026-10-01', amount: 3000, region: '510104', ...o });
export const aSettlement = (o: RowOf = {}): RowOf => ({
  settlement_id: `S${++sequence}`, id_number: null, scheme: '310', settle_date: '2026-06-01', hospital_level: '3', inpatient: true,
  diagnosis_group: 'G1', total_cost: 10000, fund_paid: 7000, out_of_pocket: 3000, region: '510104', ...o,
});
export const anInspection = (o: RowOf = {}): RowOf => ({
  case_no: `I${++sequence}`, credit_code: null, opened_date: '2025-03-01', source: 'complaint', violation: 'wages', outcome: 'penalised',
  penalty_amount: 5000, workers_affected: 3, closed_date: null, ...o,
});
export const aComplaint = (o: RowOf = {}): RowOf => ({
  complaint_no: `W${++sequence}`, credit_code: null, id_number: null, filed_date: '2026-06-01', workers: 5, amount: 20000, status: 'open', resolved_date: null, ...o,
});
export const aBusinessRegistration = (o: RowOf = {}): RowOf => ({
  credit_code: aCreditCode(), name: '新公司', registered_date: '2026-03-01', legal_rep_id_number: null, industry: 'F', self_employed: false, region: '510104', ...o,
});
export const aCertificate = (o: RowOf = {}): RowOf => ({ certificate_no: `C${++sequence}`, id_number: null, occupation: '6-01-01-01', level: 3, issued_date: '2024-01-01', ...o });
export const anArbitration = (o: RowOf = {}): RowOf => ({
  case_no: `A${++sequence}`, id_number: null, credit_code: null, filed_date: '2026-01-01', category: 'wages', amount_claimed: 10000, outcome: 'pending', closed_date: null, ...o,
});
export const aVacancy = (o: RowOf = {}): RowOf => ({
  vacancy_id: `V${++sequence}`, credit_code: null, occupation: '6-01-01-01', positions: 2, wage_min: 4000, wage_max: 6000, education: null,
  posted_date: '2026-10-01', closed_date: null, region: '510104', ...o,
});
export const aTrainingCourse = (o: RowOf = {}): RowOf => ({
  course_id: `T${++sequence}`, name: '电工培训', occupation: '6-01-01-01', provider: '职业学校', start_date: '2026-03-01', end_date: '2026-04-01', subsidised: true, region: '510104', ...o,
});
export const aTrainingEnrolment = (o: RowOf = {}): RowOf => ({ id_number: null, course_id: null, enrolled_date: '2026-03-01', completed: true, ...o });

const appendType = (sql: string): AppendColumn['type'] =>
  sql === 'DATE' ? 'DATE' : sql === 'BOOLEAN' ? 'BOOLEAN' : sql === 'INTEGER' ? 'INTEGER' : sql.startsWith('DECIMAL') ? 'DOUBLE' : 'VARCHAR';

/** Appends rows of one entity through the driver's appender; unknown keys are an error in the test itself. */
export async function insert(db: Database, entity: string, rows: RowOf[]): Promise<void> {
  if (rows.length === 0) return;
  const def = entityOf(entity);
  const known = new Set(def.fields.map((f) => f.name));
  for (const r of rows) for (const k of Object.keys(r)) if (!known.has(k)) throw new Error(`${entity} has no field ${k}`);
  const columns: AppendColumn[] = def.fields.map((f) => ({
    name: f.name,
    type: appendType(sqlTypeOf(f.type)),
    values: rows.map((r) => r[f.name] ?? null),
  }));
  columns.push({ name: 'load_id', type: 'INTEGER', values: rows.map(() => 1) });
  await db.append(def.table, columns);
}

/** A fresh DuckDB file in a temp folder with the entity tables; `cleanup` closes and deletes it. */
export async function aStore(): Promise<{ db: Database; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'renshe-tags-'));
  const db = await openDuckDatabase(join(dir, 'test.duckdb'));
  await ensureSchema(db);
  return {
    db,
    dir,
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
