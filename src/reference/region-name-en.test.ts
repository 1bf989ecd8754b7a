import { readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { describe, it, expect } from 'vitest';
import { joinSyllables, regionNamerEn, regionNamesEnSchema, type RegionNamesEn } from './region-name-en.ts';

const shipped = regionNamesEnSchema.parse(JSON.parse(readFileSync(new URL('../../data/reference/region-names-en.json', import.meta.url), 'utf8')));
const pinyinOf = (text: string) => pinyin(text, { toneType: 'none', type: 'array' });
const en = regionNamerEn(shipped, pinyinOf);
const name = (code: string, zh: string) => en({ code, name: zh, level: code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3 });

describe('English region names', () => {
  it('names municipalities without a generic, and their GB/T 2260 city level', () => {
    expect(name('110000', '北京市')).toBe('Beijing');
    expect(name('120000', '天津市')).toBe('Tianjin');
    expect(name('310000', '上海市')).toBe('Shanghai');
    expect(name('500000', '重庆市')).toBe('Chongqing');
    expect(name('110100', '北京市市辖区')).toBe('Beijing Districts');
    expect(name('500200', '重庆市县')).toBe('Chongqing Counties');
  });

  it('translates the generic of provinces, cities, districts and counties', () => {
    expect(name('510000', '四川省')).toBe('Sichuan Province');
    expect(name('510100', '成都市')).toBe('Chengdu City');
    expect(name('510104', '锦江区')).toBe('Jinjiang District');
    expect(name('510121', '金堂县')).toBe('Jintang County');
    expect(name('510181', '都江堰市')).toBe('Dujiangyan City');
    expect(name('232700', '大兴安岭地区')).toBe('Da Hinggan Ling Prefecture');
    expect(name('152500', '锡林郭勒盟')).toBe('Xilingol League');
    // Two provinces that pinyin alone would confuse.
    expect(name('140000', '山西省')).toBe('Shanxi Province');
    expect(name('610000', '陕西省')).toBe('Shaanxi Province');
  });

  it('uses the official short names of the autonomous regions and SARs', () => {
    expect(name('150000', '内蒙古自治区')).toBe('Inner Mongolia Autonomous Region');
    expect(name('450000', '广西壮族自治区')).toBe('Guangxi Zhuang Autonomous Region');
    expect(name('540000', '西藏自治区')).toBe('Tibet Autonomous Region');
    expect(name('640000', '宁夏回族自治区')).toBe('Ningxia Hui Autonomous Region');
    expect(name('650000', '新疆维吾尔自治区')).toBe('Xinjiang Uygur Autonomous Region');
    expect(name('810000', '香港特别行政区')).toBe('Hong Kong SAR');
    expect(name('820000', '澳门特别行政区')).toBe('Macao SAR');
    expect(name('810014', '大埔区')).toBe('Tai Po District');
  });

  it('names the ethnic groups of autonomous prefectures, counties and banners', () => {
    expect(name('513400', '凉山彝族自治州')).toBe('Liangshan Yi Autonomous Prefecture');
    expect(name('513200', '阿坝藏族羌族自治州')).toBe('Ngawa Tibetan and Qiang Autonomous Prefecture');
    expect(name('510726', '北川羌族自治县')).toBe('Beichuan Qiang Autonomous County');
    expect(name('622927', '积石山保安族东乡族撒拉族自治县')).toBe('Jishishan Bonan, Dongxiang and Salar Autonomous County');
    // 土家族 Tujia is not 土族 Tu; a group named without 族 (哈萨克) is still found.
    expect(name('500243', '彭水苗族土家族自治县')).toBe('Pengshui Miao and Tujia Autonomous County');
    expect(name('630223', '互助土族自治县')).toBe('Huzhu Tu Autonomous County');
    expect(name('654000', '伊犁哈萨克自治州')).toBe('Ili Kazak Autonomous Prefecture');
    expect(name('150723', '鄂伦春自治旗')).toBe('Oroqen Autonomous Banner');
    expect(name('150722', '莫力达瓦达斡尔族自治旗')).toBe('Morin Dawa Daur Autonomous Banner');
  });

  it('names banners', () => {
    expect(name('150521', '科尔沁左翼中旗')).toBe('Horqin Left Middle Banner');
    expect(name('152530', '正蓝旗')).toBe('Plain Blue Banner');
    expect(name('150929', '四子王旗')).toBe('Siziwang Banner');
  });

  it("puts an apostrophe before a syllable starting with a, o or e (Xi'an)", () => {
    expect(name('610100', '西安市')).toBe("Xi'an City");
    expect(name('371524', '东阿县')).toBe("Dong'e County");
    expect(name('511600', '广安市')).toBe("Guang'an City");
    expect(joinSyllables(['an', 'ning'])).toBe('Anning');
    expect(joinSyllables(['xi', 'an'])).toBe("Xi'an");
  });

  it('reads polyphonic characters as place names do', () => {
    expect(name('430100', '长沙市')).toBe('Changsha City');
    expect(name('350200', '厦门市')).toBe('Xiamen City');
    expect(name('340300', '蚌埠市')).toBe('Bengbu City');
    expect(name('341500', '六安市')).toBe("Lu'an City");
    expect(name('440113', '番禺区')).toBe('Panyu District');
    expect(name('371522', '莘县')).toBe('Shenxian County');
    // Corrected by the table: pinyin-pro reads these Leqing, Danxian, Minxing, Huadou, Kashen.
    expect(name('330382', '乐清市')).toBe('Yueqing City');
    expect(name('371722', '单县')).toBe('Shanxian County');
    expect(name('310112', '闵行区')).toBe('Minhang District');
    expect(name('440114', '花都区')).toBe('Huadu District');
    expect(name('510682', '什邡市')).toBe('Shifang City');
    expect(name('140428', '长子县')).toBe('Zhangzi County');
  });

  it('keeps the generic of a one-character name in the name (郊区 Jiaoqu District)', () => {
    expect(name('340711', '郊区')).toBe('Jiaoqu District');
    expect(name('510421', '米易县')).toBe('Miyi County');
  });

  it('applies a regional reading only within its region', () => {
    expect(name('152200', '兴安盟')).toBe('Hinggan League');
    expect(name('450325', '兴安县')).toBe("Xing'an County");
  });

  it('names by code what follows no rule', () => {
    expect(name('310115', '浦东新区')).toBe('Pudong New Area');
    expect(name('429021', '神农架林区')).toBe('Shennongjia Forestry District');
    expect(name('419000', '河南省-省直辖县级行政区划')).toBe('Henan Province County-level Divisions');
  });

  it('works from pinyin alone with an empty table', () => {
    const bare: RegionNamesEn = { about: '', ethnicGroups: [{ zh: '彝', en: 'Yi' }], characters: [], stems: [], codes: [] };
    const plain = regionNamerEn(bare, pinyinOf);
    expect(plain({ code: '110000', name: '北京市', level: 1 })).toBe('Beijing');
    expect(plain({ code: '513400', name: '凉山彝族自治州', level: 2 })).toBe('Liangshan Yi Autonomous Prefecture');
    expect(plain({ code: '510114', name: '新都区', level: 3 })).toBe('Xindou District');
    const withDu = regionNamerEn({ ...bare, characters: [{ zh: '都', en: 'du' }] }, pinyinOf);
    expect(withDu({ code: '510114', name: '新都区', level: 3 })).toBe('Xindu District');
  });

  it('rejects a malformed table', () => {
    expect(regionNamesEnSchema.safeParse({ ...shipped, codes: [{ code: '8100', zh: '香港', en: 'Hong Kong' }] }).success).toBe(false);
    expect(regionNamesEnSchema.safeParse({ ...shipped, characters: [{ zh: '都江', en: 'du' }] }).success).toBe(false);
  });
});
