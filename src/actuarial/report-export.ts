import type ExcelJS from 'exceljs';

/** exceljs takes over a second to load; only the paths that write or read XLSX pay for it. */
const loadExcel = async () => (await import('exceljs')).default;
import type { ProjectionReport, ScenarioResult } from './projection-report.ts';

/** Every leaf of a resolved scenario as `path → value`, so an assumption table can list them all. */
export function flattenAssumptions(value: unknown, prefix = ''): Array<[string, string | number | boolean | null]> {
  if (value === null || typeof value !== 'object') return [[prefix, value as string | number | boolean | null]];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([k, v]) => flattenAssumptions(v, prefix ? `${prefix}.${k}` : k));
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : String(v);
  return /[",\n#]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rowColumns(report: ProjectionReport): string[] {
  const cols = new Set<string>();
  for (const s of report.scenarios) for (const r of s.rows) for (const k of Object.keys(r)) cols.add(k);
  return [...cols];
}

export function comparisonRows(report: ProjectionReport) {
  return report.scenarios.map((s) => {
    const first = s.rows[0] as unknown as Record<string, number>;
    const last = s.rows[s.rows.length - 1] as unknown as Record<string, number>;
    return {
      id: s.id,
      kind: s.kind,
      title: `${s.titleZh} / ${s.titleEn}`,
      depletionYear: s.summary.depletionYear,
      reportYear: s.summary.reportYear,
      balanceInReportYear: s.summary.balanceInReportYear,
      firstYear: first.year,
      lastYear: last.year,
      dependencyRatioFirst: first.dependencyRatio ?? null,
      dependencyRatioLast: last.dependencyRatio ?? null,
      hash: s.hash,
    };
  });
}

/**
 * One CSV: `#` lines state each scenario's hash and full resolved assumptions (JSON), then one row per scenario
 * and year. Reading the `#` lines back gives the exact inputs.
 */
export function reportToCsv(report: ProjectionReport): string {
  const lines = [`# renshe actuarial projection; generated ${report.generatedAt}`];
  for (const s of report.scenarios) {
    lines.push(`# scenario ${s.id} (${s.kind}) sha256=${s.hash} depletionYear=${s.summary.depletionYear ?? 'none'}`);
    lines.push(`# assumptions ${s.id} ${JSON.stringify(s.assumptions)}`);
  }
  for (const n of report.notes) lines.push(`# ${n.en}`);
  const cols = rowColumns(report);
  lines.push(['scenario', 'kind', ...cols].join(','));
  for (const s of report.scenarios) {
    for (const r of s.rows) lines.push([s.id, s.kind, ...cols.map((c) => csvCell((r as unknown as Record<string, unknown>)[c]))].join(','));
  }
  return lines.join('\n') + '\n';
}

function addSensitivity(sheet: ExcelJS.Worksheet, s: ScenarioResult): void {
  for (const r of s.sensitivity) {
    sheet.addRow([
      s.id,
      `${r.zh} / ${r.en}`,
      r.path,
      JSON.stringify(r.baseValue),
      r.step,
      r.minus.depletionYear,
      r.plus.depletionYear,
      r.minus.balanceInReportYear,
      r.plus.balanceInReportYear,
    ]);
  }
}

/** The same report as a workbook: comparison, yearly rows, sensitivity, assumptions (one column per scenario), notes. */
export async function reportToXlsx(report: ProjectionReport): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'renshe';
  const summary = wb.addWorksheet('对比 Summary');
  const comparison = comparisonRows(report);
  summary.addRow(['情景 scenario', '类型 kind', '名称 title', '耗尽年份 depletion year', '报告年 report year', '报告年累计结余 balance (yuan)', '首年赡养率 first dependency', '末年赡养率 last dependency', 'sha256']);
  for (const c of comparison) summary.addRow([c.id, c.kind, c.title, c.depletionYear, c.reportYear, c.balanceInReportYear, c.dependencyRatioFirst, c.dependencyRatioLast, c.hash]);
  const years = wb.addWorksheet('逐年 Years');
  const cols = rowColumns(report);
  years.addRow(['scenario', 'kind', ...cols]);
  for (const s of report.scenarios) for (const r of s.rows) years.addRow([s.id, s.kind, ...cols.map((c) => (r as unknown as Record<string, unknown>)[c] ?? null)]);
  const sens = wb.addWorksheet('敏感性 Sensitivity');
  sens.addRow(['情景 scenario', '假设 assumption', 'path', '基准值 base', '步长 step', '−步 耗尽年 depletion (−)', '+步 耗尽年 depletion (+)', '−步 报告年结余 balance (−)', '+步 报告年结余 balance (+)']);
  for (const s of report.scenarios) addSensitivity(sens, s);
  const assumptions = wb.addWorksheet('假设 Assumptions');
  const flat = report.scenarios.map((s) => new Map(flattenAssumptions(s.assumptions)));
  const paths = [...new Set(flat.flatMap((m) => [...m.keys()]))];
  assumptions.addRow(['path', ...report.scenarios.map((s) => s.id)]);
  for (const p of paths) assumptions.addRow([p, ...flat.map((m) => m.get(p) ?? null)]);
  const notes = wb.addWorksheet('说明 Notes');
  notes.addRow(['generatedAt', report.generatedAt]);
  for (const n of report.notes) notes.addRow([n.zh, n.en]);
  for (const s of report.scenarios) notes.addRow([`${s.id} sha256=${s.hash}`, JSON.stringify(s.assumptions)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
