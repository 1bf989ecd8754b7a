import { describe, it, expect } from 'vitest';
import { isMobileNumber, normaliseMobile } from './phone.ts';

describe('mobile numbers', () => {
  it('normalises prefixes and separators', () => {
    for (const s of ['13812345678', '+8613812345678', '8613812345678', '008613812345678', '+86 138 1234 5678', '138-1234-5678', ' 13812345678 ']) {
      expect(normaliseMobile(s)).toBe('13812345678');
    }
  });
  it('rejects landlines, short numbers and 12-prefixed numbers', () => {
    for (const s of ['01012345678', '1381234567', '138123456789', '12812345678', '+8713812345678', '1381234567a', '']) {
      expect(isMobileNumber(s)).toBe(false);
    }
  });
});
