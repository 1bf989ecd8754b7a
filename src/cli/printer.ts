/**
 * The one output path: every command returns a `Printable`; people get tables, scripts get JSON with --json.
 */
export interface TextTable {
  title?: string;
  columns: string[];
  rows: unknown[][];
}

export interface Printable {
  /** What --json prints, verbatim. */
  data: unknown;
  /** What a person sees; defaults to pretty JSON of `data`. */
  text?: { lines?: string[]; tables?: TextTable[] };
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(2);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** East Asian wide characters take two columns in a terminal. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export function renderTable(t: TextTable): string {
  const body = t.rows.map((r) => r.map(cell));
  const numeric = t.columns.map((_, i) => t.rows.length > 0 && t.rows.every((r) => typeof r[i] === 'number' || r[i] == null));
  const widths = t.columns.map((c, i) => Math.max(displayWidth(c), ...body.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], numeric[i])).join('  ');
  const out = [line(t.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  if (t.title) out.unshift(t.title);
  return out.join('\n');
}

export function formatPrintable(p: Printable, json: boolean): string {
  if (json || !p.text) return JSON.stringify(p.data, null, json ? 0 : 2);
  const parts: string[] = [];
  for (const t of p.text.tables ?? []) parts.push(renderTable(t));
  if (p.text.lines?.length) parts.push(p.text.lines.join('\n'));
  return parts.join('\n\n');
}
