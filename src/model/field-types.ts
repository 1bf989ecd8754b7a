import type { CodeListName } from './code-lists.ts';

/** What a field holds; ingest derives parsing and validation from it, and the DDL its column type. */
export type FieldType =
  | { kind: 'id_number' }
  | { kind: 'credit_code' }
  | { kind: 'phone' }
  | { kind: 'text'; max: number }
  | { kind: 'date' }
  /** A calendar month, stored as the first day of the month. */
  | { kind: 'month' }
  | { kind: 'decimal'; min: number; max: number }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'boolean' }
  | { kind: 'code'; list: CodeListName }
  /** GB/T 2260 administrative division (six digits). */
  | { kind: 'region' }
  /** CSCO 2022 occupation code such as `2-02-10-01`. */
  | { kind: 'occupation' };

/** Personal data classes; drive masking and audit. */
export type PersonalData = 'id_number' | 'name' | 'phone';

export interface FieldDef {
  name: string;
  zh: string;
  en: string;
  type: FieldType;
  required: boolean;
  /** Source header spellings that map to this field, besides `zh` and `name`. */
  aliases?: string[];
  /** Natural key of another entity this value must exist in. */
  references?: 'person' | 'employer' | 'training_course';
  personal?: PersonalData;
  description?: string;
}

export interface EntityDef {
  name: string;
  table: string;
  zh: string;
  en: string;
  description: string;
  /** Natural key: a later row with the same key supersedes the stored one. */
  key: string[];
  fields: FieldDef[];
}

export function sqlTypeOf(t: FieldType): string {
  switch (t.kind) {
    case 'date':
    case 'month':
      return 'DATE';
    case 'decimal':
      return 'DECIMAL(18,2)';
    case 'integer':
      return 'INTEGER';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}
