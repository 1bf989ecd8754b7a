import { describe, expect, it } from 'vitest';
import { ageAt, maskFields } from './person-view.ts';

describe('person view', () => {
  it('masks personal fields only when asked', () => {
    const row = { idNumber: '11010519491231002X', name: '张三丰', phone: '13812345678', sex: '1' };
    const personal = { idNumber: 'id_number', name: 'name', phone: 'phone' } as const;
    expect(maskFields(row, personal, true)).toEqual({ idNumber: '110105********002X', name: '张**', phone: '138****5678', sex: '1' });
    expect(maskFields(row, personal, false)).toBe(row);
  });

  it('computes age in completed years', () => {
    expect(ageAt('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageAt('1990-06-15', '2026-06-15')).toBe(36);
  });
});
