import { csvField, splitCsvLine } from '../platform/csv-line.ts';

/** Pure detection of a source file's format and text encoding from its name and first bytes. */
export type SourceFormat = 'csv' | 'xlsx' | 'parquet' | 'ndjson';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export function detectFormat(fileName: string, head: Uint8Array): SourceFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return 'parquet';
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl') || lower.endsWith('.json')) return 'ndjson';
  const firstNonSpace = head.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf);
  if (firstNonSpace === 0x7b) return 'ndjson';
  return 'csv';
}

/**
 * UTF-8 when the sample decodes strictly (a multi-byte character cut at the sample's end is allowed);
 * otherwise GB18030, the superset of GBK that Chinese systems export.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  let end = sample.length;
  if (!complete) {
    // Step back over a trailing partial UTF-8 sequence.
    let i = end - 1;
    while (i >= 0 && i > end - 4 && (sample[i] & 0xc0) === 0x80) i--;
    if (i >= 0 && sample[i] >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Splits one CSV header line, without a byte-order mark or padding. */
export function parseCsvHeader(line: string): string[] {
  return splitCsvLine(line).map((h) => h.replace(/^\uFEFF/, '').trim());
}

export { csvField };
