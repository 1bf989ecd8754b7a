import { describe, it, expect } from 'vitest';
import { maskCreditCode, maskIdNumber, maskName, maskPhone } from './mask.ts';

describe('masking', () => {
  it('keeps region and last four of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
  });
  it('keeps only the first character of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳修')).toBe('欧**');
    expect(maskName('王')).toBe('*');
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('does not mask employer credit codes', () => {
    expect(maskCreditCode('91350100M000100Y43')).toBe('91350100M000100Y43');
  });
});
