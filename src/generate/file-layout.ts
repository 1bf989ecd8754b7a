/**
 * How the bureau's systems hand each entity over: most as UTF-8 CSV, the older civil-affairs style systems
 * (households, employers, business registrations) as GBK CSV, and the small case-management tables as XLSX.
 */
export interface FileLayout {
  file: string;
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk' | null;
}

const GBK = new Set(['household', 'employer', 'business_registration']);
const XLSX = new Set(['training_course', 'inspection_case', 'arbitration_case']);

export function layoutOf(entity: string): FileLayout {
  if (XLSX.has(entity)) return { file: `${entity}.xlsx`, format: 'xlsx', encoding: null };
  return { file: `${entity}.csv`, format: 'csv', encoding: GBK.has(entity) ? 'gbk' : 'utf-8' };
}

export const fileOf = (entity: string): string => layoutOf(entity).file;
