import { entities } from '../model/entities.ts';
import type { EntityDef, FieldDef } from '../model/field-types.ts';

/**
 * Declarative source mapping: a source header maps to a canonical field when its normalised spelling equals
 * the field's name, its Chinese name or one of its aliases. Entity recognition picks the entity whose
 * required fields are all present and which explains the most headers.
 */
export function normaliseHeader(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/[\s_\-（）()【】\[\]:：*]/g, '')
    .toLowerCase();
}

export interface ColumnMapping {
  /** Index of the source column. */
  index: number;
  header: string;
  field: FieldDef;
}

export interface HeaderMapping {
  entity: EntityDef;
  columns: ColumnMapping[];
  unmapped: string[];
  missingRequired: FieldDef[];
  /** Source column holding a quarantine reference (`_quarantine_ref`) from an exported fix file. */
  quarantineRefIndex: number | null;
}

export const QUARANTINE_REF_HEADER = '_quarantine_ref';

function spellings(field: FieldDef): Set<string> {
  return new Set([field.name, field.zh, field.en, ...(field.aliases ?? [])].map(normaliseHeader));
}

export function mapHeaders(entity: EntityDef, headers: string[]): HeaderMapping {
  const columns: ColumnMapping[] = [];
  const unmapped: string[] = [];
  const used = new Set<string>();
  let quarantineRefIndex: number | null = null;
  headers.forEach((header, index) => {
    const h = normaliseHeader(header);
    if (h === normaliseHeader(QUARANTINE_REF_HEADER)) {
      quarantineRefIndex = index;
      return;
    }
    const field = entity.fields.find((f) => !used.has(f.name) && spellings(f).has(h));
    if (field) {
      used.add(field.name);
      columns.push({ index, header, field });
    } else unmapped.push(header);
  });
  const missingRequired = entity.fields.filter((f) => f.required && !used.has(f.name));
  return { entity, columns, unmapped, missingRequired, quarantineRefIndex };
}

/** Best entity for a header row: all required fields present, most headers explained; null when none fits. */
export function recogniseEntity(headers: string[]): HeaderMapping | null {
  let best: HeaderMapping | null = null;
  for (const entity of entities) {
    const m = mapHeaders(entity, headers);
    if (m.missingRequired.length > 0) continue;
    const score = m.columns.length - m.unmapped.length * 0.5;
    const bestScore = best ? best.columns.length - best.unmapped.length * 0.5 : -Infinity;
    if (score > bestScore || (score === bestScore && best && m.columns.length / m.entity.fields.length > best.columns.length / best.entity.fields.length)) {
      best = m;
    }
  }
  return best;
}
