import { describe, it, expect } from 'vitest';
import { buildRegionDirectory, regionLevel, type Region } from './region-directory.ts';

const regions: Region[] = [
  { code: '110000', name: '北京市', nameEn: 'Beijing', level: 1, province: '110000', city: null },
  { code: '110100', name: '北京市市辖区', nameEn: 'Beijing Districts', level: 2, province: '110000', city: '110100' },
  { code: '110105', name: '朝阳区', nameEn: 'Chaoyang District', level: 3, province: '110000', city: '110100' },
  { code: '510000', name: '四川省', nameEn: 'Sichuan Province', level: 1, province: '510000', city: null },
  { code: '510100', name: '成都市', nameEn: 'Chengdu City', level: 2, province: '510000', city: '510100' },
  { code: '510104', name: '锦江区', nameEn: 'Jinjiang District', level: 3, province: '510000', city: '510100' },
  { code: '810000', name: '香港特别行政区', nameEn: 'Hong Kong SAR', level: 1, province: '810000', city: null },
  { code: '810014', name: '大埔区', nameEn: 'Tai Po District', level: 3, province: '810000', city: null },
];

describe('RegionDirectory', () => {
  const dir = buildRegionDirectory(regions);
  it('looks codes up and walks the hierarchy', () => {
    expect(dir.lookup('110105')?.name).toBe('朝阳区');
    expect(dir.isKnown('510104')).toBe(true);
    expect(dir.isKnown('510199')).toBe(false);
    expect(dir.childrenOf('510000').map((r) => r.code)).toEqual(['510100']);
    expect(dir.childrenOf('510100').map((r) => r.code)).toEqual(['510104']);
    expect(dir.provinceOf('510104')).toBe('510000');
    expect(dir.cityOf('510104')).toBe('510100');
    expect(dir.cityOf('510000')).toBeNull();
  });
  it('puts the SARs\' districts directly under the SAR, with no city', () => {
    expect(dir.childrenOf('810000').map((r) => r.code)).toEqual(['810014']);
    expect(dir.cityOf('810014')).toBeNull();
    expect(dir.provinceOf('810014')).toBe('810000');
  });
  it('names in Chinese or English; an unknown code names itself', () => {
    expect(dir.name('110105')).toBe('朝阳区');
    expect(dir.name('110105', 'zh')).toBe('朝阳区');
    expect(dir.name('110105', 'en')).toBe('Chaoyang District');
    expect(dir.name('999999', 'en')).toBe('999999');
  });
  it('derives the level from trailing zeros', () => {
    expect([regionLevel('110000'), regionLevel('110100'), regionLevel('110105')]).toEqual([1, 2, 3]);
  });
});
