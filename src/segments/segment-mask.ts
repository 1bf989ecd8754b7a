import { maskIdNumber, maskName, maskPhone } from '../identity/mask.ts';

export interface MemberRow {
  id_number: string;
  name: string | null;
  phone?: string | null;
  sex: string | null;
  age: number | null;
  region: string | null;
}

/** Masks personal fields of segment members unless the caller may and did ask to see them. Pure. */
export function maskMembers<T extends MemberRow>(rows: T[], unmasked: boolean): T[] {
  if (unmasked) return rows;
  return rows.map((r) => ({
    ...r,
    id_number: maskIdNumber(r.id_number),
    name: r.name === null ? null : maskName(r.name),
    ...(r.phone === undefined ? {} : { phone: r.phone === null ? null : maskPhone(r.phone) }),
  }));
}
