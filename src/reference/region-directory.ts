/** GB/T 2260 administrative divisions: provinces `XX0000`, prefecture-level cities `XXXX00`, counties six digits. */
export interface Region {
  code: string;
  name: string;
  /** Pinyin with the generic translated (成都市 Chengdu City); see region-name-en.ts. */
  nameEn: string;
  /** 1 province, 2 city, 3 county. */
  level: 1 | 2 | 3;
  province: string;
  /** The prefecture-level city; null for provinces and for the SARs' districts, which have none. */
  city: string | null;
}

export interface RegionDirectory {
  all: Region[];
  lookup(code: string): Region | undefined;
  isKnown(code: string): boolean;
  childrenOf(code: string): Region[];
  provinceOf(code: string): string;
  cityOf(code: string): string | null;
  name(code: string, lang?: 'zh' | 'en'): string;
}

export function regionLevel(code: string): 1 | 2 | 3 {
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}

export function buildRegionDirectory(regions: Region[]): RegionDirectory {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const children = new Map<string, Region[]>();
  for (const r of regions) {
    const parent = r.level === 3 ? r.city ?? r.province : r.level === 2 ? r.province : null;
    if (parent) children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  return {
    all: regions,
    lookup: (code) => byCode.get(code),
    isKnown: (code) => byCode.has(code),
    childrenOf: (code) => children.get(code) ?? [],
    provinceOf: (code) => `${code.slice(0, 2)}0000`,
    cityOf: (code) => {
      const known = byCode.get(code);
      if (known) return known.city;
      return regionLevel(code) === 1 ? null : `${code.slice(0, 4)}00`;
    },
    name: (code, lang = 'zh') => {
      const r = byCode.get(code);
      return r ? (lang === 'en' ? r.nameEn : r.name) : code;
    },
  };
}
