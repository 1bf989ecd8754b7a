import { describe, it, expect } from 'vitest';
import { formatPeriod, outputHeader, outputLine, parsePeriod, parseSeriesCsv, splitCsvLine } from './series-input.ts';

describe('series CSV input', () => {
  it('parses the four period forms', () => {
    expect(parsePeriod('2024-03')).toEqual({ kind: 'month', index: 2024 * 12 + 2 });
    expect(parsePeriod('2024-Q4')).toEqual({ kind: 'quarter', index: 2024 * 4 + 3 });
    expect(parsePeriod('2024')).toEqual({ kind: 'year', index: 2024 });
    expect(parsePeriod('17')).toEqual({ kind: 'integer', index: 17 });
    expect(parsePeriod('2024-13')).toBeNull();
    expect(formatPeriod('month', 2024 * 12 + 11)).toBe('2024-12');
    expect(formatPeriod('quarter', 2025 * 4)).toBe('2025-Q1');
  });

  it('reports bad rows with line numbers in both languages and keeps the good ones', () => {
    const csv = [
      'series_id,period,value',
      'a,2024-01,1',
      'a,2024-02,x',
      'a,2024-13,3',
      ',2024-03,3',
      'a,2024-03,3',
      'a,2024-03,4',
      'b,2024-Q1,5',
      'b,2024-02,6',
      'c',
    ].join('\n');
    const parsed = parseSeriesCsv(csv);
    expect(parsed.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'VALUE_INVALID'],
      [4, 'PERIOD_INVALID'],
      [5, 'SERIES_ID_MISSING'],
      [7, 'PERIOD_DUPLICATE'],
      [9, 'PERIOD_KIND_MIXED'],
      [10, 'COLUMNS_MISSING'],
    ]);
    expect(parsed.problems[0].zh).toContain('第 3 行');
    expect(parsed.problems[0].en).toContain('Line 3');
    const a = parsed.series.find((s) => s.id === 'a');
    // 2024-02 was unusable, so it is interpolated between 1 and 3 and reported as filled.
    expect(a?.values).toEqual([1, 2, 3]);
    expect(a?.filled).toEqual(['2024-02']);
  });

  it('accepts quoted cells, a BOM and Chinese headers', () => {
    expect(splitCsvLine('"a,b","c""d",e')).toEqual(['a,b', 'c"d', 'e']);
    const parsed = parseSeriesCsv('\uFEFF序列,期间,值\n"成都,锦江",2020,1\n"成都,锦江",2021,2\n');
    expect(parsed.series[0]).toMatchObject({ id: '成都,锦江', kind: 'year', values: [1, 2] });
  });

  it('writes one lo/hi pair per level and quotes where needed', () => {
    expect(outputHeader([80, 95])).toBe('series_id,period,step,model,forecast,lo80,hi80,lo95,hi95');
    expect(outputLine({ seriesId: 'x,y', period: '2025-01', step: 1, model: 'ETS(A,N,N)', forecast: 1 / 3, bounds: [0, 1] })).toBe(
      '"x,y",2025-01,1,"ETS(A,N,N)",0.3333333333,0,1',
    );
  });
});
