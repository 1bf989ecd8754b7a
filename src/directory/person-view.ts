import { maskIdNumber, maskName, maskPhone } from '../identity/mask.ts';
import type { PersonalData } from '../model/field-types.ts';

/** Pure masking of a row's personal fields, by class. */
const maskers: Record<PersonalData, (v: string) => string> = { id_number: maskIdNumber, name: maskName, phone: maskPhone };

export function maskValue(kind: PersonalData, value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? (value ?? null) : maskers[kind](value);
}

export function maskFields<T extends Record<string, unknown>>(row: T, personal: Partial<Record<keyof T, PersonalData>>, masked: boolean): T {
  if (!masked) return row;
  const out: Record<string, unknown> = { ...row };
  for (const [k, kind] of Object.entries(personal) as [string, PersonalData][]) {
    const v = out[k];
    if (typeof v === 'string') out[k] = maskValue(kind, v);
  }
  return out as T;
}

export function ageAt(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = asOf.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
