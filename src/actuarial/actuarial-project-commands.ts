import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { defineAction, type CliContext } from '../cli/command-kit.ts';
import { AppError } from '../platform/errors.ts';
import type { Database } from '../platform/database.ts';
import { projectionPrintable } from './projection-printable.ts';
import { listScenarios, runProjection } from './projection-store.ts';
import { reportToCsv, reportToXlsx } from './report-export.ts';

interface ProjectOptions {
  years?: string;
  out?: string;
  calibrate?: boolean;
  calibrationYear?: string;
  sensitivity: boolean;
  every: string;
}

function positiveInt(text: string | undefined, what: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new AppError('INPUT_INVALID', { zh: `${what} 应为 1–${max} 的整数，收到「${text}」。`, en: `${what} must be an integer 1–${max}; got "${text}".` });
  }
  return n;
}

export function registerActuarialProjectCommands(program: Command, ctx: CliContext): void {
  const actuarial = program.command('actuarial').description('精算分析 / actuarial projections');
  actuarial
    .command('scenarios')
    .description('列出情景文件 / list scenario files (data/scenarios)')
    .action(
      defineAction(ctx, async () => {
        const list = listScenarios(ctx.config.policyDir);
        return {
          data: list.map(({ raw: _raw, ...rest }) => rest),
          text: {
            tables: [
              {
                title: '情景 Scenarios',
                columns: ['名称 name', '类型 kind', '标题 title', '有效 valid'],
                rows: list.map((s) => [s.name, s.kind, `${s.titleZh ?? ''} / ${s.titleEn ?? ''}`, s.valid ? '✓' : `✗ ${s.error}`]),
              },
            ],
          },
        };
      }),
    );
  actuarial
    .command('project')
    .description('情景推算（并列对比、敏感性）/ project scenarios side by side with sensitivity')
    .argument('<scenario...>', '情景名称或 JSON 文件 / scenario names or JSON files')
    .option('--years <n>', '推算年数 / years to project (default: each scenario’s)')
    .option('--out <file>', '导出 report.csv 或 report.xlsx / export CSV or XLSX')
    .option('--calibrate', '用库中数据校准基年 / calibrate the base year on the store')
    .option('--calibration-year <year>', '校准所用年份 / store year to calibrate on (default latest)')
    .option('--no-sensitivity', '不做敏感性分析 / skip the sensitivity runs')
    .option('--every <n>', '表格每隔几年显示一行 / print every n-th year', '5')
    .action(
      defineAction(ctx, async (names: string[], o: ProjectOptions) => {
        const years = positiveInt(o.years, '--years', 80);
        const every = positiveInt(o.every, '--every', 80) ?? 5;
        let db: Database | undefined;
        try {
          if (o.calibrate) db = await ctx.openDb(program.opts<{ db?: string }>().db);
          const report = await runProjection(
            { scenarios: names, years, calibrate: Boolean(o.calibrate), calibrationYear: positiveInt(o.calibrationYear, '--calibration-year', 2200), sensitivity: o.sensitivity },
            { policyDir: ctx.config.policyDir, sharedDataDir: ctx.config.sharedDataDir, db, now: ctx.clock.now() },
          );
          const printable = projectionPrintable(report, every);
          if (o.out) {
            const ext = extname(o.out).toLowerCase();
            if (ext === '.csv') writeFileSync(o.out, reportToCsv(report));
            else if (ext === '.xlsx') writeFileSync(o.out, await reportToXlsx(report));
            else throw new AppError('INPUT_INVALID', { zh: '--out 只支持 .csv 或 .xlsx。', en: '--out supports .csv or .xlsx only.' });
            printable.text?.lines?.push(`已导出 written: ${o.out}`);
          }
          return printable;
        } finally {
          await db?.close();
        }
      }),
    );
}
