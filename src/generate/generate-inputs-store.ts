import { AppError } from '../platform/errors.ts';
import { readWpp } from '../demography/wpp-store.ts';
import { readRegions } from '../reference/region-store.ts';
import { readOccupations } from '../reference/occupation-store.ts';
import type { RegionDirectory } from '../reference/region-directory.ts';
import type { OccupationDirectory } from '../reference/occupation-store.ts';
import type { CityRegions, OccupationIndex } from './city-frame.ts';
import type { GenerateInputs } from './city-generator.ts';
import type { GeneratorParams } from './generator-params.ts';

/** The city's county-level districts and every other county by province, from the GB/T 2260 directory. */
export function cityRegionsOf(dir: RegionDirectory, cityCode: string): CityRegions {
  const city = dir.lookup(cityCode);
  const districts = city && city.level === 2 ? dir.childrenOf(cityCode).filter((r) => r.level === 3) : [];
  if (!city || districts.length === 0) {
    throw new AppError('INPUT_INVALID', {
      zh: `地区代码 ${cityCode} 不是有下辖区县的地级市（GB/T 2260），请用如 510100（成都市）的代码。`,
      en: `Region ${cityCode} is not a prefecture-level city with districts (GB/T 2260); use a code such as 510100 (Chengdu).`,
    });
  }
  const countiesByProvince = new Map<string, string[]>();
  for (const r of dir.all) {
    if (r.level !== 3 || r.city === cityCode) continue;
    const p = r.code.slice(0, 2);
    const list = countiesByProvince.get(p) ?? [];
    list.push(r.code);
    countiesByProvince.set(p, list);
  }
  return { city: { code: city.code, name: city.name }, districts: districts.map((d) => ({ code: d.code, name: d.name })), countiesByProvince };
}

/** Detailed (level-4) CSCO 2022 codes grouped by medium-group prefix (e.g. `6-29`). */
export function occupationIndexOf(dir: OccupationDirectory): OccupationIndex {
  // The CSCO source lists a few codes twice (e.g. 4-12-04-02); a join on them would double rows, so skip them.
  const seen = new Map<string, number>();
  for (const o of dir.all) seen.set(o.code, (seen.get(o.code) ?? 0) + 1);
  const index: OccupationIndex = new Map();
  for (const o of dir.detailed) {
    if ((seen.get(o.code) ?? 0) > 1) continue;
    const prefix = o.code.slice(0, 4);
    const list = index.get(prefix) ?? [];
    list.push(o.code);
    index.set(prefix, list);
  }
  return index;
}

export async function readGenerateInputs(sharedDataDir: string, params: GeneratorParams, cityCode: string): Promise<GenerateInputs> {
  const [regions, occupations, wpp] = await Promise.all([readRegions(), readOccupations(sharedDataDir), readWpp(sharedDataDir)]);
  return { params, regions: cityRegionsOf(regions, cityCode), occupations: occupationIndexOf(occupations), wpp };
}
