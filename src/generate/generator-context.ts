import type { CityFrame } from './city-frame.ts';
import type { EmployerTable } from './employers.ts';
import type { IdAllocator } from './id-allocator.ts';
import type { CityStats } from './insurance-rows.ts';
import type { TruthWindows } from './person-truth.ts';
import type { RowEmitter } from './row-emitter.ts';

export interface Course {
  id: string;
  start: number;
  end: number;
  occupation: string;
}

/** Running numbers for record identifiers (settlement, case, complaint numbers …). */
export class Counters {
  private readonly values = new Map<string, number>();

  next(prefix: string, width: number): string {
    const n = (this.values.get(prefix) ?? 0) + 1;
    this.values.set(prefix, n);
    return prefix + String(n).padStart(width, '0');
  }
}

/** A ground-truth line: trait and key (ID number or credit code). */
export interface TruthSink {
  add(trait: string, key: string): void;
}

/** What every stage of one generation run shares. */
export interface GeneratorContext {
  frame: CityFrame;
  employers: EmployerTable;
  emitter: RowEmitter;
  ids: IdAllocator;
  counters: Counters;
  stats: CityStats;
  windows: TruthWindows;
  courses: Course[];
  truth: TruthSink;
}
