import type { Printable, TextTable } from '../cli/printer.ts';
import type { MedicalYear } from './medical-projection.ts';
import type { PensionYear } from './pension-projection.ts';
import type { ProjectionReport, ScenarioResult } from './projection-report.ts';
import { comparisonRows } from './report-export.ts';

interface Units {
  money: (v: number | null) => number | null;
  people: (v: number) => number;
  label: string;
}

/** A country reads best in 亿元 and 万人, a city bureau in 万元 and persons: pick by the base year's size. */
function unitsFor(report: ProjectionReport): Units {
  const big = report.scenarios.some((s) => Math.abs((s.rows[0] as { expenditure: number }).expenditure) >= 1e10);
  const scaled = (divisor: number) => (v: number | null) => (v === null ? null : Math.round((v / divisor) * 100) / 100);
  return big
    ? { money: scaled(1e8), people: (v) => Math.round(v / 100) / 100, label: '金额：亿元 amounts in 100 million yuan; 人数：万人 people in 10,000' }
    : { money: scaled(1e4), people: (v) => Math.round(v), label: '金额：万元 amounts in 10,000 yuan; 人数：人 persons' };
}

const r2 = (v: number) => Math.round(v * 100) / 100;
/** Years as text: the table printer would group a number's digits (2,035). */
const yearText = (y: number | null) => (y === null ? '—' : String(y));

function yearlyTable(s: ScenarioResult, every: number, u: Units): TextTable {
  const yi = u.money;
  const wan = u.people;
  const rows = s.rows.filter((r, i) => i === 0 || i === s.rows.length - 1 || (r.year - s.rows[0].year) % every === 0);
  if (s.kind === 'pension') {
    return {
      title: `${s.titleZh} / ${s.titleEn} — ${s.id} (${u.label})`,
      columns: ['年 year', '缴费人数 contributors', '退休人数 retirees', '赡养率 dependency', '月均养老金 avg pension', '收入 income', '支出 expenditure', '当期结余 current', '累计结余 accumulated'],
      rows: (rows as PensionYear[]).map((r) => [String(r.year), wan(r.contributors), wan(r.retirees), r2(r.dependencyRatio), Math.round(r.avgMonthlyPension), yi(r.income), yi(r.expenditure), yi(r.currentBalance), yi(r.accumulatedBalance)]),
    };
  }
  return {
    title: `${s.titleZh} / ${s.titleEn} — ${s.id} (${u.label})`,
    columns: ['年 year', '参保人数 insured', '老龄化指数 ageing', '三级 level 3', '二级 level 2', '一级 level 1', '基金支出 expenditure', '收入 income', '累计结余 accumulated'],
    rows: (rows as MedicalYear[]).map((r) => [String(r.year), wan(r.insured), r2(r.ageingIndex), yi(r.expenditureLevel3), yi(r.expenditureLevel2), yi(r.expenditureLevel1), yi(r.expenditure), yi(r.income), yi(r.accumulatedBalance)]),
  };
}

function sensitivityTableText(s: ScenarioResult, u: Units): TextTable {
  const yi = u.money;
  return {
    title: `敏感性 Sensitivity — ${s.id}: 各假设 ±1 步 (each assumption ± one step), 报告年 report year ${s.summary.reportYear}`,
    columns: ['假设 assumption', '步长 step', '耗尽年 −', '耗尽年 +', '结余 − balance −', '结余 + balance +'],
    rows: s.sensitivity.map((r) => [`${r.zh} ${r.en}`, r.step, yearText(r.minus.depletionYear), yearText(r.plus.depletionYear), yi(r.minus.balanceInReportYear), yi(r.plus.balanceInReportYear)]),
  };
}

export function projectionPrintable(report: ProjectionReport, every = 5): Printable {
  const u = unitsFor(report);
  const yi = u.money;
  const comparison = comparisonRows(report);
  const tables: TextTable[] = [
    {
      title: `情景对比 Scenarios side by side (${u.label})`,
      columns: ['情景 scenario', '耗尽年份 depletion', '报告年 year', '报告年累计结余 balance in report year', '赡养率 首/末 dependency first/last', 'sha256'],
      rows: comparison.map((c) => [c.id, c.depletionYear === null ? '未耗尽 none' : String(c.depletionYear), String(c.reportYear), yi(c.balanceInReportYear), c.dependencyRatioFirst === null ? '—' : `${r2(c.dependencyRatioFirst)} / ${r2(c.dependencyRatioLast ?? 0)}`, c.hash.slice(0, 16)]),
    },
  ];
  const store = report.store?.medical;
  if (store) {
    tables.push({
      title: `库中${store.year}年职工医保结算 Store settlements ${store.year} (scheme 310): ${store.insured} 参保 insured`,
      columns: ['医院等级 level', '类型 setting', '病例 cases', '总费用 total cost', '基金支付 fund paid', '次均 per case'],
      rows: store.components.map((c) => [c.level, c.setting, c.cases, Math.round(c.totalCost), Math.round(c.fundPaid), c.cases ? Math.round(c.totalCost / c.cases) : null]),
    });
    tables.push({
      title: '基金支出最多的病种分组 Diagnosis groups with the largest fund spending',
      columns: ['医院等级 level', '病种分组 group', '病例 cases', '总费用 total cost', '基金支付 fund paid'],
      rows: store.diagnosisGroups.map((g) => [g.level, g.group, g.cases, Math.round(g.totalCost), Math.round(g.fundPaid)]),
    });
  }
  for (const s of report.scenarios) {
    tables.push(yearlyTable(s, every, u));
    if (s.sensitivity.length > 0) tables.push(sensitivityTableText(s, u));
  }
  const p = report.store?.pension;
  const lines = [
    ...(p ? [`库中${p.year}年职工养老（${p.months}个月）Store ${p.year} (${p.months} months): 缴费 contributors ${Math.round(p.contributors)} (${p.contributorPersons} persons), 平均基数 avg base ${Math.round(p.avgMonthlyBase)}, 退休 retirees ${Math.round(p.retirees)}, 平均养老金 avg pension ${p.avgMonthlyPension === null ? '—' : Math.round(p.avgMonthlyPension)}`] : []),
    ...report.scenarios.map((s) => `${s.id}: sha256 ${s.hash}${s.assumptions.base.calibratedFrom ? `; 校准 calibrated on ${s.assumptions.base.calibratedFrom}` : ''}`),
    '完整假设见 --json 的 assumptions 或导出文件的「假设」表。 Full resolved assumptions: `assumptions` in --json, or the Assumptions sheet / # lines of an export.',
    ...report.notes.map((n) => `${n.zh} ${n.en}`),
  ];
  return { data: report, text: { tables, lines } };
}
