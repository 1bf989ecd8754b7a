import type { Command } from 'commander';
import { defineAction, type CliContext } from '../cli/command-kit.ts';
import type { Printable } from '../cli/printer.ts';
import { AppError } from '../platform/errors.ts';
import { computeRetirement, type RetirementResult } from './compute-retirement.ts';
import { isRetirementCategory, retirementCategories } from './retirement-rules.ts';
import { loadRetirementRules } from './retirement-rules-store.ts';

interface RetirementOptions {
  birth: string;
  category: string;
  region: string;
  rules?: string;
  date?: string;
}

export function retirementPrintable(r: RetirementResult): Printable {
  const age = (a: { years: number; months: number }) => `${a.years}岁${a.months}个月 / ${a.years}y ${a.months}m`;
  return {
    data: r,
    text: {
      tables: [
        {
          title: `退休年龄测算 Retirement (${r.category}, born ${r.birth}, rules ${r.rulesId})`,
          columns: ['项目 item', '值 value'],
          rows: [
            ['法定退休年龄 statutory age', age(r.statutoryAge)],
            ['退休时间 retirement month', r.retirementMonth],
            ['原退休年龄 original age', age(r.originalAge)],
            ['延迟月数 delay (months)', r.delayMonths],
            ['最低缴费年限 minimum contribution (years)', r.minContributionYears],
            ['最早弹性退休 earliest flexible month', r.earliestMonth],
            ['  该月最低缴费年限 minimum contribution then', r.minContributionYearsAtEarliest],
            ['最晚弹性退休 latest flexible month', r.latestMonth],
          ],
        },
      ],
      lines: r.flexibleAvailable ? [] : ['该人员在决定施行前已达退休年龄，不适用弹性退休。 Reached the age before the decision took effect: no flexible window.'],
    },
  };
}

export function categoryOf(text: string): (typeof retirementCategories)[number] {
  if (!isRetirementCategory(text)) {
    throw new AppError('INPUT_INVALID', {
      zh: `人员类别应为 ${retirementCategories.join('、')} 之一，收到「${text}」。`,
      en: `Category must be one of ${retirementCategories.join(', ')}; got "${text}".`,
    });
  }
  return text;
}

export function registerRetirementCommand(program: Command, ctx: CliContext): void {
  program
    .command('retirement')
    .description('法定退休年龄与弹性退休测算 / statutory retirement age, month and flexible window')
    .requiredOption('--birth <YYYY-MM>', '出生年月 / birth month')
    .requiredOption('--category <category>', `人员类别 / category: ${retirementCategories.join('|')}`)
    .option('--region <code>', '地区 / region', 'CN')
    .option('--rules <id>', '规则版本，如 CN-2025 / rules version id')
    .option('--date <YYYY-MM-DD>', '按该日生效的规则 / rules in force on this date (default today)')
    .action(
      defineAction(ctx, async (opts: RetirementOptions) => {
        const date = opts.date ?? ctx.clock.now().toISOString().slice(0, 10);
        const rules = loadRetirementRules(ctx.config.policyDir, opts.rules ? { id: opts.rules } : { region: opts.region, date });
        return retirementPrintable(computeRetirement(rules, { birth: opts.birth, category: categoryOf(opts.category) }));
      }),
    );
}
