import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { csvField, detectEncoding, detectFormat, parseCsvHeader } from './source-format.ts';

describe('source format detection', () => {
  it('tells xlsx, parquet, ndjson and csv apart', () => {
    expect(detectFormat('a.bin', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('xlsx');
    expect(detectFormat('a.bin', Buffer.from('PAR1'))).toBe('parquet');
    expect(detectFormat('a.txt', Buffer.from('{"a":1}'))).toBe('ndjson');
    expect(detectFormat('a.csv', Buffer.from('姓名,性别'))).toBe('csv');
  });

  it('detects UTF-8, UTF-8 with BOM and GBK from the bytes', () => {
    expect(detectEncoding(Buffer.from('姓名,性别\n张三,男'), true)).toBe('utf-8');
    expect(detectEncoding(Buffer.from('\uFEFF姓名'), true)).toBe('utf-8-bom');
    expect(detectEncoding(iconv.encode('姓名,性别\n张三,男', 'gbk'), true)).toBe('gb18030');
  });

  it('accepts a UTF-8 sample cut inside a character', () => {
    const bytes = Buffer.from('张三李四');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), false)).toBe('utf-8');
    expect(() => detectEncoding(bytes.subarray(0, bytes.length - 1), true)).not.toThrow();
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), true)).toBe('gb18030');
  });

  it('parses quoted header cells and writes them back', () => {
    expect(parseCsvHeader('\uFEFF"a,b",c,"d""e"')).toEqual(['a,b', 'c', 'd"e']);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('plain')).toBe('plain');
  });
});
