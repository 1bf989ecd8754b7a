import { closeSync, createReadStream, createWriteStream, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type ExcelJS from 'exceljs';

/** exceljs takes over a second to load; only the paths that write or read XLSX pay for it. */
const loadExcel = async () => (await import('exceljs')).default;
import { AppError } from '../platform/errors.ts';
import { entities, entityOf } from '../model/entities.ts';
import type { FieldDef } from '../model/field-types.ts';
import { generatorParamsSchema, type GeneratorParams } from './generator-params.ts';
import { generateCity, type GenerateHooks, type GenerateInputs, type GenerateResult } from './city-generator.ts';
import type { GenerateOptions } from './city-frame.ts';
import type { DefectRecord, RowSink } from './row-emitter.ts';
import { layoutOf } from './file-layout.ts';
import { fixZipTimestamps } from './zip-timestamps.ts';

/** Reads and validates data/policy/generator/<name>.json. */
export async function readGeneratorParams(policyDir: string, name = 'default'): Promise<GeneratorParams> {
  const path = join(policyDir, 'generator', `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new AppError('POLICY_INVALID', { zh: `无法读取生成器参数文件 ${path}。`, en: `Cannot read generator parameters ${path}.` }, { cause });
  }
  const parsed = generatorParamsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('POLICY_INVALID', {
      zh: `生成器参数文件 ${path} 无效：${parsed.error.message}`,
      en: `Generator parameters ${path} are invalid: ${parsed.error.message}`,
    });
  }
  return parsed.data;
}

const FLUSH_AT = 1 << 20;
const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * Buffered synchronous line writer: no per-row awaits, bounded memory. UTF-8 lines are encoded straight into
 * a reused buffer (measured several times faster than joining lines into big strings); GBK text waits as a
 * string and is encoded per flush, since iconv-lite cannot encode into a buffer.
 */
class LineFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(FLUSH_AT);
  private used = 0;
  private pending = '';

  constructor(path: string, private readonly encoding: 'utf-8' | 'gbk') {
    this.fd = openSync(path, 'w');
  }

  line(text: string): void {
    if (this.encoding === 'gbk') {
      this.pending += text + '\n';
      if (this.pending.length >= FLUSH_AT / 4) this.flush();
      return;
    }
    if (this.used + text.length * 3 + 1 > this.buffer.length) {
      this.flush();
      if (text.length * 3 + 1 > this.buffer.length) {
        writeSync(this.fd, Buffer.from(text + '\n', 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
    this.buffer[this.used++] = 10;
  }

  flush(): void {
    if (this.pending !== '') {
      writeSync(this.fd, iconv.encode(this.pending, 'gbk'));
      this.pending = '';
    }
    if (this.used > 0) {
      writeSync(this.fd, this.buffer, 0, this.used);
      this.used = 0;
    }
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const numericKinds = new Set(['decimal', 'integer']);

/** Writes rows to one file per entity (CSV UTF-8/GBK, or XLSX at the end), defects to a spool file. */
class FileSink implements RowSink {
  private readonly csv = new Map<string, { file: LineFile; text: boolean[]; anyText: boolean }>();
  private readonly xlsx = new Map<string, string[][]>();
  readonly defectSpool: LineFile;
  defects = 0;

  constructor(private readonly dir: string) {
    for (const e of entities) {
      const layout = layoutOf(e.name);
      const header = e.fields.map((f) => f.zh);
      if (layout.format === 'xlsx') this.xlsx.set(e.name, [header]);
      else {
        const file = new LineFile(join(dir, layout.file), layout.encoding === 'gbk' ? 'gbk' : 'utf-8');
        file.line(header.map(csvCell).join(','));
        // Only free text can hold a comma or quote; codes, numbers, dates and IDs (even defective) cannot.
        const text = e.fields.map((f) => f.type.kind === 'text');
        this.csv.set(e.name, { file, text, anyText: text.some(Boolean) });
      }
    }
    this.defectSpool = new LineFile(join(dir, '.defects.jsonl'), 'utf-8');
  }

  write(entity: string, cells: readonly string[]): void {
    const csv = this.csv.get(entity);
    if (!csv) {
      this.xlsx.get(entity)!.push([...cells]);
      return;
    }
    if (!csv.anyText) {
      csv.file.line(cells.join(','));
      return;
    }
    let line = csv.text[0] ? csvCell(cells[0]) : cells[0];
    for (let i = 1; i < cells.length; i++) line += ',' + (csv.text[i] ? csvCell(cells[i]) : cells[i]);
    csv.file.line(line);
  }

  defect(record: DefectRecord): void {
    this.defects++;
    this.defectSpool.line(JSON.stringify(record));
  }

  async close(createdAt: Date): Promise<void> {
    for (const { file } of this.csv.values()) file.close();
    this.defectSpool.close();
    for (const [entity, rows] of this.xlsx) await writeXlsx(join(this.dir, layoutOf(entity).file), entityOf(entity).fields, rows, createdAt);
  }
}

/** Small tables as a spreadsheet: amounts as numbers, everything else (IDs, dates, codes) as text. */
async function writeXlsx(path: string, fields: FieldDef[], rows: string[][], createdAt: Date): Promise<void> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'renshe';
  wb.created = createdAt;
  wb.modified = createdAt;
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((row, i) => {
    ws.addRow(
      i === 0
        ? row
        : row.map((v, k) => (numericKinds.has(fields[k].type.kind) && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v)),
    );
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const out = createWriteStream(path);
  out.end(fixZipTimestamps(buffer, createdAt));
  await once(out, 'finish');
}

class TruthFile {
  private readonly file: LineFile;
  rows = 0;

  constructor(path: string) {
    this.file = new LineFile(path, 'utf-8');
    this.file.line('trait,key');
  }

  add(trait: string, key: string): void {
    this.rows++;
    this.file.line(`${trait},${key}`);
  }

  close(): void {
    this.file.close();
  }
}

export interface ManifestFile {
  file: string;
  entity: string;
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk' | null;
  rows: number;
}

export interface GenerateSummary extends GenerateResult {
  out: string;
  files: ManifestFile[];
  defects: number;
  truthRows: number;
}

/** Generates the city into `out`: one file per entity, manifest.json and ground-truth.csv. */
export async function writeCity(out: string, inputs: GenerateInputs, options: GenerateOptions & { region: string }, hooks: GenerateHooks = {}): Promise<GenerateSummary> {
  mkdirSync(out, { recursive: true });
  const sink = new FileSink(out);
  const truth = new TruthFile(join(out, 'ground-truth.csv'));
  const result = await generateCity(inputs, options, sink, truth, hooks);
  const createdAt = new Date(`${options.asOf}T00:00:00Z`);
  await sink.close(createdAt);
  truth.close();
  const files: ManifestFile[] = entities.map((e) => ({ ...layoutOf(e.name), entity: e.name, rows: result.rows[e.name] ?? 0 }));
  const head = {
    seed: options.seed, persons: options.persons, asOf: options.asOf, months: options.months, region: options.region,
    generatedAt: options.asOf, defectRate: options.defectRate, files,
  };
  const spool = join(out, '.defects.jsonl');
  const manifest = createWriteStream(join(out, 'manifest.json'));
  manifest.write(`${JSON.stringify(head).slice(0, -1)},"defects":[\n`);
  // The defects are streamed from the spool (a million of them at 1M persons), one JSON object per line.
  await pipeline(
    createReadStream(spool, 'utf8'),
    async function* (source: AsyncIterable<string>) {
      let rest = '';
      let separator = '';
      for await (const chunk of source) {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        let body = '';
        for (const line of lines) {
          if (line === '') continue;
          body += separator + line;
          separator = ',\n';
        }
        if (body) yield body;
      }
      if (rest) yield separator + rest;
      yield `\n],"groundTruth":"ground-truth.csv"}\n`;
    },
    manifest,
  );
  rmSync(spool, { force: true });
  return { ...result, out, files, defects: sink.defects, truthRows: truth.rows };
}
