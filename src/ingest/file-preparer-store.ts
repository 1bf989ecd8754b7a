import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, openSync, readSync, closeSync, statSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type ExcelJS from 'exceljs';

/** exceljs takes over a second to load; only the paths that write or read XLSX pay for it. */
const loadExcel = async () => (await import('exceljs')).default;
import { AppError } from '../platform/errors.ts';
import { csvField, detectEncoding, detectFormat, parseCsvHeader, type SourceFormat, type TextEncoding } from './source-format.ts';

/**
 * Turns any supported source (CSV in UTF-8 or GB18030, XLSX, Parquet, NDJSON) into something DuckDB reads
 * fast: a UTF-8 CSV (transcoded or converted in a temp folder when needed) or the Parquet file itself.
 */
export interface PreparedSource {
  file: string;
  format: SourceFormat;
  encoding: TextEncoding | null;
  sha256: string;
  headers: string[];
  /** UTF-8 CSV with a header line, or a Parquet file. */
  readPath: string;
  readAs: 'csv' | 'parquet';
  delimiter: string;
  /** Lines that could not be turned into a row before DuckDB saw them (NDJSON that is not JSON). */
  malformed: { rowNo: number; text: string }[];
  cleanup(): void;
}

const SAMPLE = 4 * 1024 * 1024;

function readHead(path: string, bytes: number): { head: Buffer; complete: boolean } {
  const fd = openSync(path, 'r');
  try {
    const size = statSync(path).size;
    const head = Buffer.alloc(Math.min(bytes, size));
    readSync(fd, head, 0, head.length, 0);
    return { head, complete: head.length === size };
  } finally {
    closeSync(fd);
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function unreadable(path: string, cause: unknown, what: string): AppError {
  return new AppError(
    'FILE_UNREADABLE',
    { zh: `无法读取文件 ${basename(path)}：${what}。请检查文件是否完整、格式是否受支持（CSV、XLSX、Parquet、NDJSON）。`, en: `Cannot read ${basename(path)}: ${what}. Check the file is complete and in a supported format (CSV, XLSX, Parquet, NDJSON).` },
    { cause },
  );
}

export async function prepareSource(path: string): Promise<PreparedSource> {
  let head: Buffer;
  let complete: boolean;
  try {
    ({ head, complete } = readHead(path, SAMPLE));
  } catch (cause) {
    throw unreadable(path, cause, (cause as Error).message);
  }
  const format = detectFormat(path, head);
  const sha256 = await sha256Of(path);
  const work = mkdtempSync(join(tmpdir(), 'renshe-ingest-'));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  const base = { file: path, format, sha256, malformed: [] as { rowNo: number; text: string }[], cleanup };
  try {
    if (format === 'parquet') return { ...base, encoding: null, headers: [], readPath: path, readAs: 'parquet', delimiter: ',' };
    if (format === 'xlsx') {
      const out = join(work, 'sheet.csv');
      const headers = await xlsxToCsv(path, out);
      return { ...base, encoding: null, headers, readPath: out, readAs: 'csv', delimiter: ',' };
    }
    const encoding = detectEncoding(head, complete);
    let readPath = path;
    if (encoding === 'gb18030') {
      readPath = join(work, 'utf8.csv');
      await pipeline(createReadStream(path), iconv.decodeStream('gb18030'), iconv.encodeStream('utf8'), createWriteStream(readPath));
    }
    if (format === 'ndjson') {
      const out = join(work, 'ndjson.csv');
      const { headers, malformed } = await ndjsonToCsv(readPath, out);
      return { ...base, encoding, headers, readPath: out, readAs: 'csv', delimiter: ',', malformed };
    }
    const firstLine = (encoding === 'gb18030' ? iconv.decode(head, 'gb18030') : head.toString('utf8')).split(/\r?\n/, 1)[0];
    const delimiter = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
    const headers = delimiter === '\t' ? firstLine.replace(/^\uFEFF/, '').split('\t').map((h) => h.trim()) : parseCsvHeader(firstLine);
    return { ...base, encoding, headers, readPath, readAs: 'csv', delimiter };
  } catch (cause) {
    cleanup();
    throw cause instanceof AppError ? cause : unreadable(path, cause, (cause as Error).message);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    // A spreadsheet keeps long digit strings as doubles; show them as Excel does, so validation can say so.
    return Number.isSafeInteger(value) || Math.abs(value) < 1e15 ? String(value) : value.toExponential();
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

async function xlsxToCsv(path: string, out: string): Promise<string[]> {
  const writer = createWriteStream(out);
  let headers: string[] = [];
  const Excel = await loadExcel();
  const reader = new Excel.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  for await (const sheet of reader) {
    let width = 0;
    for await (const row of sheet) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      if (width === 0) {
        headers = values.map(cellText).map((h) => h.trim());
        width = headers.length;
      }
      const cells = Array.from({ length: Math.max(width, values.length) }, (_, i) => csvField(cellText(values[i])));
      if (!writer.write(cells.join(',') + '\n')) await once(writer, 'drain');
    }
    break; // the first worksheet holds the data
  }
  writer.end();
  await once(writer, 'finish');
  return headers;
}

async function ndjsonToCsv(path: string, out: string): Promise<{ headers: string[]; malformed: { rowNo: number; text: string }[] }> {
  const keys = new Map<string, number>();
  const scan = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of scan) {
    if (!line.trim()) continue;
    try {
      const obj = JSON.parse(line) as unknown;
      if (obj && typeof obj === 'object' && !Array.isArray(obj)) for (const k of Object.keys(obj)) if (!keys.has(k)) keys.set(k, keys.size);
    } catch {
      // counted in the second pass
    }
  }
  const headers = [...keys.keys()];
  const malformed: { rowNo: number; text: string }[] = [];
  const writer = createWriteStream(out);
  writer.write(headers.map(csvField).join(',') + '\n');
  let rowNo = 0;
  const rows = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of rows) {
    if (!line.trim()) continue;
    rowNo++;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      obj = null;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      // Kept aside with its row number; the staged rows are renumbered around it.
      malformed.push({ rowNo, text: line.slice(0, 2000) });
      continue;
    }
    const rec = obj as Record<string, unknown>;
    const cells = headers.map((h) => {
      const v = rec[h];
      return csvField(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    });
    if (!writer.write(cells.join(',') + '\n')) await once(writer, 'drain');
  }
  writer.end();
  await once(writer, 'finish');
  return { headers, malformed };
}
