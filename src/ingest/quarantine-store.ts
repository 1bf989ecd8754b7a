import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Database } from '../platform/database.ts';
import { AppError } from '../platform/errors.ts';
import { csvField } from './source-format.ts';
import { QUARANTINE_REF_HEADER } from './header-mapping.ts';

export interface QuarantineFilter {
  reason?: string;
  loadId?: number;
  entity?: string;
  status?: 'open' | 'resolved' | 'retried' | 'all';
}

export interface QuarantineRow {
  loadId: number;
  file: string;
  entity: string;
  rowNo: number;
  line: number;
  reason: string;
  field: string | null;
  messageZh: string;
  messageEn: string;
  allReasons: string[];
  status: string;
  raw: Record<string, string | null>;
}

const where = `WHERE ($reason IS NULL OR q.reason = $reason) AND ($load IS NULL OR q.load_id = $load)
  AND ($entity IS NULL OR q.entity = $entity) AND ($status = 'all' OR q.status = $status)`;

function params(f: QuarantineFilter) {
  return { reason: f.reason ?? null, load: f.loadId ?? null, entity: f.entity ?? null, status: f.status ?? 'open' };
}

interface RawRow {
  load_id: number; file: string; entity: string; row_no: number; line: number; reason: string; field: string | null;
  message_zh: string; message_en: string; all_reasons: string[]; status: string; raw: (string | null)[]; headers: string[] | null;
}

function toRow(r: RawRow): QuarantineRow {
  const headers = r.reason === 'MALFORMED_ROW' || r.reason === 'MALFORMED_JSON' ? ['原始行 raw line'] : (r.headers ?? []);
  const raw: Record<string, string | null> = {};
  r.raw.forEach((v, i) => (raw[headers[i] ?? `column${i + 1}`] = v));
  return {
    loadId: r.load_id, file: r.file, entity: r.entity, rowNo: r.row_no, line: r.line, reason: r.reason, field: r.field,
    messageZh: r.message_zh, messageEn: r.message_en, allReasons: r.all_reasons, status: r.status, raw,
  };
}

export async function listQuarantine(db: Database, f: QuarantineFilter, limit: number, offset: number): Promise<{ total: number; rows: QuarantineRow[] }> {
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*) AS total FROM quarantine q ${where}`, params(f));
  const rows = await db.query<RawRow>(
    `SELECT q.*, b.headers FROM quarantine q LEFT JOIN load_batch b USING (load_id) ${where}
     ORDER BY q.load_id, q.row_no LIMIT $limit OFFSET $offset`,
    { ...params(f), limit, offset },
  );
  return { total, rows: rows.map(toRow) };
}

export async function summariseQuarantine(db: Database, f: QuarantineFilter): Promise<{ reason: string; entity: string; zh: string; en: string; rows: number }[]> {
  return db.query(
    `SELECT q.reason, q.entity, any_value(q.message_zh) AS zh, any_value(q.message_en) AS en, count(*) AS rows
     FROM quarantine q ${where} GROUP BY q.reason, q.entity ORDER BY rows DESC`,
    params(f),
  );
}

export async function getQuarantined(db: Database, loadId: number, rowNo: number): Promise<QuarantineRow> {
  const rows = await db.query<RawRow>(
    `SELECT q.*, b.headers FROM quarantine q LEFT JOIN load_batch b USING (load_id)
     WHERE q.load_id = $load AND q.row_no = $row ORDER BY q.status = 'open' DESC LIMIT 1`,
    { load: loadId, row: rowNo },
  );
  if (!rows[0]) {
    throw new AppError('NOT_FOUND', { zh: `隔离区中没有 ${loadId}:${rowNo}`, en: `No quarantined row ${loadId}:${rowNo}` });
  }
  return toRow(rows[0]);
}

/**
 * Writes open quarantined rows of one load back in the file's own header layout, plus the reference column
 * that lets a corrected file close them when it is loaded, and the reason for the clerk.
 */
export async function exportQuarantine(db: Database, f: QuarantineFilter, out: string, withReasons: boolean): Promise<{ rows: number; file: string }> {
  const rows = await db.query<RawRow>(
    `SELECT q.*, b.headers FROM quarantine q LEFT JOIN load_batch b USING (load_id) ${where}
       AND q.reason NOT IN ('MALFORMED_ROW', 'MALFORMED_JSON') ORDER BY q.load_id, q.row_no`,
    params(f),
  );
  const layouts = new Set(rows.map((r) => (r.headers ?? []).join('\u001f')));
  if (layouts.size > 1) {
    throw new AppError('INPUT_INVALID', {
      zh: '所选隔离行来自表头不同的多个文件；请用 --load 或 --entity 缩小范围后再导出。',
      en: 'The selected rows come from files with different headers; narrow them with --load or --entity first.',
    });
  }
  const headers = rows[0]?.headers ?? [];
  const writer = createWriteStream(out);
  const extra = withReasons ? ['隔离原因 reason', '说明 message'] : [];
  writer.write([...headers, QUARANTINE_REF_HEADER, ...extra].map(csvField).join(',') + '\n');
  for (const r of rows) {
    const cells = [...r.raw.map((v) => v ?? ''), `${r.load_id}:${r.row_no}`, ...(withReasons ? [r.reason, `${r.message_zh} / ${r.message_en}`] : [])];
    if (!writer.write(cells.map(csvField).join(',') + '\n')) await once(writer, 'drain');
  }
  writer.end();
  await once(writer, 'finish');
  return { rows: rows.length, file: out };
}

/** Loads whose open rows match the filter, for retrying them one file layout at a time. */
export async function loadsWithOpenRows(db: Database, f: QuarantineFilter): Promise<{ loadId: number; entity: string; rows: number }[]> {
  return db.query(
    `SELECT q.load_id AS "loadId", any_value(q.entity) AS entity, count(*) AS rows FROM quarantine q ${where}
       AND q.reason NOT IN ('MALFORMED_ROW', 'MALFORMED_JSON') GROUP BY q.load_id ORDER BY q.load_id`,
    { ...params(f), status: 'open' },
  );
}
