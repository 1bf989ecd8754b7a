import { describe, expect, it } from 'vitest';
import { mapHeaders, normaliseHeader, recogniseEntity } from './header-mapping.ts';
import { entityOf } from '../model/entities.ts';

describe('header mapping', () => {
  it('normalises full-width brackets, spaces and case', () => {
    expect(normaliseHeader('\uFEFF 缴费基数（元） ')).toBe(normaliseHeader('缴费基数元'));
    expect(normaliseHeader('ID_Number')).toBe('idnumber');
  });

  it('maps the common Chinese and English variants of the ID number header', () => {
    for (const h of ['公民身份号码', '身份证号码', '身份证号', 'id_number']) {
      const m = mapHeaders(entityOf('person'), [h, '姓名', '性别', '出生日期', '户籍地区划', '户口性质']);
      expect(m.columns.find((c) => c.header === h)?.field.name).toBe('id_number');
      expect(m.missingRequired).toEqual([]);
    }
  });

  it('recognises the entity from its headers', () => {
    const contribution = ['身份证号码', '统一社会信用代码', '险种类型', '费款所属期', '缴费基数', '单位缴费金额', '个人缴费金额', '应缴日期', '实缴日期', '参保地区划'];
    expect(recogniseEntity(contribution)?.entity.name).toBe('contribution');
    const employer = ['统一社会信用代码', '单位名称', '行业门类', '经济类型', '所在地区划', '成立日期'];
    expect(recogniseEntity(employer)?.entity.name).toBe('employer');
    expect(recogniseEntity(['foo', 'bar'])).toBeNull();
  });

  it('reports unmapped headers and missing required fields', () => {
    const m = mapHeaders(entityOf('person'), ['身份证号', '备注']);
    expect(m.unmapped).toEqual(['备注']);
    expect(m.missingRequired.map((f) => f.name)).toContain('name');
  });
});
