import { z } from 'zod';

/**
 * English names of GB/T 2260 divisions as Chinese English-language publications write them: Hanyu Pinyin without
 * tones, syllables joined, first letter capitalised, the administrative generic translated (四川省 Sichuan Province,
 * 成都市 Chengdu City, 锦江区 Jinjiang District). pinyin-pro supplies the readings; the table in
 * data/reference/region-names-en.json corrects the place names it reads wrongly, gives the established names of
 * places named in a minority language (阿坝 Ngawa, 拉萨 Lhasa) and the names that follow no rule (浦东新区).
 */
const entry = z.object({ zh: z.string().min(1), en: z.string().min(1), note: z.string().optional() });
const stem = entry.extend({
  /** Applies only to codes starting with these digits (兴安 is Hinggan in Inner Mongolia, Xing'an in Guangxi). */
  within: z.string().regex(/^\d{2,4}$/).optional(),
});

export const regionNamesEnSchema = z.object({
  about: z.string(),
  /** Ethnic groups in names of autonomous areas, Chinese without 族 (藏 Tibetan, 彝 Yi), longest match wins. */
  ethnicGroups: z.array(z.object({ zh: z.string().min(1), en: z.string().min(1) })),
  /** Characters always read one way in place names (都 du, never dou), applied to pinyin-pro's syllables. */
  characters: z.array(entry.extend({ zh: z.string().length(1) })),
  /**
   * A place name (the name without its generic; a one-character name with its generic's first character, 单县)
   * whose romanisation is not pinyin-pro's reading.
   */
  stems: z.array(stem),
  /** Whole English names by division code, for names no rule covers. */
  codes: z.array(entry.extend({ code: z.string().regex(/^\d{6}$/) })),
});

export type RegionNamesEn = z.infer<typeof regionNamesEnSchema>;

/** Generic terms, longest first so that 自治县 wins over 县; 市 at level 1 is a municipality (no generic). */
const generics: { zh: string; en: string }[] = [
  { zh: '特别行政区', en: 'SAR' },
  { zh: '自治区', en: 'Autonomous Region' },
  { zh: '自治州', en: 'Autonomous Prefecture' },
  { zh: '自治县', en: 'Autonomous County' },
  { zh: '自治旗', en: 'Autonomous Banner' },
  { zh: '地区', en: 'Prefecture' },
  { zh: '省', en: 'Province' },
  { zh: '市', en: 'City' },
  { zh: '区', en: 'District' },
  { zh: '县', en: 'County' },
  { zh: '旗', en: 'Banner' },
  { zh: '盟', en: 'League' },
];

/** Pinyin syllables joined; an apostrophe before a syllable starting with a, o or e (Xi'an, Lu'an). */
export function joinSyllables(syllables: string[]): string {
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function listed(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Toneless pinyin, one syllable per Chinese character: pinyin-pro's `pinyin(text, {toneType: 'none', type: 'array'})`. */
export type PinyinOf = (text: string) => string[];

export interface RegionNameInput {
  code: string;
  name: string;
  level: 1 | 2 | 3;
}

/**
 * Builds the namer once per table: a function from a division to its English name. pinyin-pro is passed in
 * because loading its dictionary takes a few hundred milliseconds, which only the commands that name regions pay.
 */
export function regionNamerEn(table: RegionNamesEn, pinyinOf: PinyinOf): (region: RegionNameInput) => string {
  const byCode = new Map(table.codes.map((c) => [c.code, c.en]));
  const byChar = new Map(table.characters.map((c) => [c.zh, c.en]));
  const ethnic = [...table.ethnicGroups].sort((a, b) => b.zh.length - a.zh.length);
  // Scoped entries first, so that a regional reading wins over a nationwide one.
  const stems = [...table.stems].sort((a, b) => (b.within?.length ?? 0) - (a.within?.length ?? 0));
  const stemOf = (zh: string, code: string) => stems.find((s) => s.zh === zh && (!s.within || code.startsWith(s.within)))?.en;

  const romanise = (zh: string, code: string): string => {
    const fixed = stemOf(zh, code);
    if (fixed) return fixed;
    const syllables = pinyinOf(zh).map((s) => s.toLowerCase());
    const chars = [...zh];
    return joinSyllables(syllables.length === chars.length ? syllables.map((s, i) => byChar.get(chars[i]) ?? s) : syllables);
  };

  /** 黔东南苗族侗族 → place 黔东南, groups Miao, Dong; single-character groups only with 族 (黎族, not 黎). */
  const splitEthnic = (stem: string): { place: string; groups: string[] } => {
    const groups: string[] = [];
    let place = stem;
    for (let found = true; found; ) {
      found = false;
      for (const g of ethnic) {
        const tail = place.endsWith(`${g.zh}族`) ? `${g.zh}族` : g.zh.length > 1 && place.endsWith(g.zh) ? g.zh : null;
        if (tail && (place.length > tail.length || groups.length === 0)) {
          groups.unshift(g.en);
          place = place.slice(0, -tail.length);
          found = true;
          break;
        }
      }
    }
    return { place, groups };
  };

  const nameOf = ({ code, name, level }: RegionNameInput): string => {
    const fixed = byCode.get(code);
    if (fixed) return fixed;
    // GB/T 2260's city level of a municipality: 北京市市辖区 (its districts), 重庆市县 (its counties).
    const municipal = level === 2 ? /^(.+)市(市辖区|县)$/.exec(name) : null;
    if (municipal) return `${romanise(municipal[1], code)} ${municipal[2] === '县' ? 'Counties' : 'Districts'}`;
    // The package's group of county-level units under a province directly (419000 河南省-省直辖县级行政区划).
    const direct = /^(.+)-(?:省|自治区)直辖县级行政区划$/.exec(name);
    if (direct) return `${nameOf({ code: `${code.slice(0, 2)}0000`, name: direct[1], level: 1 })} County-level Divisions`;
    if (level === 1 && name.endsWith('市')) return romanise(name.slice(0, -1), code);
    const generic = generics.find((g) => name.endsWith(g.zh) && name.length > g.zh.length);
    if (!generic) return romanise(name, code);
    const stem = name.slice(0, -generic.zh.length);
    if (generic.zh.startsWith('自治') && !stemOf(stem, code)) {
      const { place, groups } = splitEthnic(stem);
      return [place ? romanise(place, code) : '', listed(groups), generic.en].filter(Boolean).join(' ');
    }
    // A one-character name keeps its generic in the romanised name (莘县 Shenxian County, 郊区 Jiaoqu District).
    const proper = stem.length === 1 ? stem + generic.zh.charAt(0) : stem;
    return `${romanise(proper, code)} ${generic.en}`;
  };
  return nameOf;
}
