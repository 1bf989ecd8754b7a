import type { Random } from '../platform/clock.ts';
import type { EntityDef } from '../model/field-types.ts';
import type { ReasonCode, RepairCode } from '../ingest/reason-codes.ts';
import { applyDefect, defectOptionsOf, defectOutcome, type DefectKind, type DefectOption } from './defect-kinds.ts';

/** One planted defect or cascade, as listed in the manifest. rowNo is 1-based, header excluded. */
export interface DefectRecord {
  file: string;
  entity: string;
  rowNo: number;
  kind: DefectKind | 'cascade';
  field: string | null;
  expected: 'quarantine' | 'repair';
  reason: ReasonCode | RepairCode;
}

/** Where rows go: the store writes them to files; tests keep them in memory. */
export interface RowSink {
  write(entity: string, cells: readonly string[]): void;
  defect(record: DefectRecord): void;
}

interface EntitySlot {
  def: EntityDef;
  file: string;
  options: DefectOption[];
  /** Fields naming another entity's key, with the last answer (rows come in runs for the same key). */
  refs: { index: number; bad: Set<string>; reason: ReasonCode; last: string; lastBad: boolean; version: number }[];
  /** For person/employer/training_course: the key field whose quarantine makes referrers cascade. */
  keyBad: Set<string> | null;
  rows: number;
  rng: Random;
  /** Clean rows still to come before the next defective one (geometric gaps: one draw per defect, not per row). */
  skip: number;
}

/**
 * Writes rows and plants defects: with probability `rate` a row gets exactly one defect chosen by kind weight
 * among those that apply to it. Rows that refer to a person, employer or course whose own row was
 * quarantined are never given a defect; they are listed as cascades, which ingest must quarantine with
 * REF_UNKNOWN_*. emit() says whether the row will load (clean or repaired), so callers can derive the ground
 * truth from exactly the rows a correct ingest keeps.
 */
export class RowEmitter {
  readonly badPersons = new Set<string>();
  readonly badEmployers = new Set<string>();
  readonly badCourses = new Set<string>();
  private readonly slots = new Map<string, EntitySlot>();
  /** Bumped whenever a key joins a bad set, invalidating the per-field last answers. */
  private badVersion = 0;

  constructor(
    entities: readonly EntityDef[],
    fileOf: (entity: string) => string,
    private readonly sink: RowSink,
    private readonly rate: number,
    private readonly kindWeights: Partial<Record<DefectKind, number>>,
    rng: Random,
    private readonly unknown: { personId: (rng: Random) => string; employerCode: (rng: Random) => string },
  ) {
    for (const def of entities) {
      const refs: EntitySlot['refs'] = [];
      def.fields.forEach((f, index) => {
        const ref = (bad: Set<string>, reason: ReasonCode) => refs.push({ index, bad, reason, last: '', lastBad: false, version: -1 });
        if (f.references === 'person') ref(this.badPersons, 'REF_UNKNOWN_PERSON');
        if (f.references === 'employer') ref(this.badEmployers, 'REF_UNKNOWN_EMPLOYER');
        if (f.references === 'training_course') ref(this.badCourses, 'REF_UNKNOWN_COURSE');
      });
      const keyBad =
        def.name === 'person' ? this.badPersons : def.name === 'employer' ? this.badEmployers : def.name === 'training_course' ? this.badCourses : null;
      const options = defectOptionsOf(def).filter((o) => (kindWeights[o.kind] ?? 0) > 0);
      const slot: EntitySlot = { def, file: fileOf(def.name), options, refs, keyBad, rows: 0, rng: rng.fork(`defects:${def.name}`), skip: 0 };
      slot.skip = this.gap(slot);
      this.slots.set(def.name, slot);
    }
  }

  rowCount(entity: string): number {
    return this.slot(entity).rows;
  }

  private slot(entity: string): EntitySlot {
    const s = this.slots.get(entity);
    if (!s) throw new Error(`unknown entity ${entity}`);
    return s;
  }

  /** Writes one row (cells in the entity's field order); true when a correct ingest will load it. */
  emit(entity: string, cells: string[]): boolean {
    const s = this.slot(entity);
    for (const ref of s.refs) {
      const v = cells[ref.index];
      if (v === '') continue;
      if (v !== ref.last || ref.version !== this.badVersion) {
        ref.last = v;
        ref.lastBad = ref.bad.has(v);
        ref.version = this.badVersion;
      }
      if (ref.lastBad) {
        this.write(s, cells);
        this.record(s, 'cascade', s.def.fields[ref.index].name, 'quarantine', ref.reason);
        return false;
      }
    }
    if (s.skip > 0) {
      s.skip--;
      this.write(s, cells);
      return true;
    }
    s.skip = this.gap(s);
    if (s.options.length > 0) return this.emitDefective(s, cells);
    this.write(s, cells);
    return true;
  }

  /** Rows until the next defective one: Geometric(rate) on {0, 1, …}, so each row is defective with P = rate. */
  private gap(s: EntitySlot): number {
    if (!(this.rate > 0)) return Number.MAX_SAFE_INTEGER;
    if (this.rate >= 1) return 0;
    return Math.floor(Math.log(1 - s.rng.next()) / Math.log(1 - this.rate));
  }

  private emitDefective(s: EntitySlot, cells: string[]): boolean {
    const candidates = [...s.options];
    while (candidates.length > 0) {
      const total = candidates.reduce((sum, o) => sum + (this.kindWeights[o.kind] ?? 0), 0);
      let target = s.rng.next() * total;
      let at = 0;
      while (at < candidates.length - 1 && target >= (this.kindWeights[candidates[at].kind] ?? 0)) {
        target -= this.kindWeights[candidates[at].kind] ?? 0;
        at++;
      }
      const option = candidates[at];
      const changed = applyDefect(option, cells, s.def.fields, s.rng, {
        personId: () => this.unknown.personId(s.rng),
        employerCode: () => this.unknown.employerCode(s.rng),
      });
      if (changed === null) {
        candidates.splice(at, 1);
        continue;
      }
      const outcome = defectOutcome[option.kind];
      const fieldName = option.field >= 0 ? s.def.fields[option.field].name : null;
      if (option.kind === 'duplicate_row') {
        this.write(s, cells);
        this.write(s, changed);
        this.record(s, option.kind, fieldName, outcome.expected, outcome.reason);
        return true;
      }
      this.write(s, changed);
      this.record(s, option.kind, fieldName, outcome.expected, outcome.reason);
      if (outcome.expected === 'quarantine') {
        if (s.keyBad) {
          s.keyBad.add(cells[0]);
          this.badVersion++;
        }
        return false;
      }
      return true;
    }
    this.write(s, cells);
    return true;
  }

  private write(s: EntitySlot, cells: readonly string[]): void {
    s.rows++;
    this.sink.write(s.def.name, cells);
  }

  private record(s: EntitySlot, kind: DefectRecord['kind'], field: string | null, expected: DefectRecord['expected'], reason: DefectRecord['reason']): void {
    this.sink.defect({ file: s.file, entity: s.def.name, rowNo: s.rows, kind, field, expected, reason });
  }
}
