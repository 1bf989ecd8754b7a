import type { Command } from 'commander';
import { defineAction, type CliContext } from '../cli/command-kit.ts';
import type { Printable } from '../cli/printer.ts';
import type { PensionEstimate } from './pension-estimate.ts';
import { pensionEstimateRequestSchema } from './pension-estimate-request.ts';
import { estimatePensionFor } from './pension-estimate-store.ts';
import { parseInput } from './parse-input.ts';

interface EstimateOptions {
  id?: string;
  birth?: string;
  category?: string;
  wage?: string;
  yearsContributed?: string;
  balance?: string;
  avgWage?: string;
  deemedYears?: string;
  retire?: string;
  asOf?: string;
  wageGrowth?: string;
  interest?: string;
  density?: string;
  transitionCoefficient?: string;
  region: string;
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export function estimatePrintable(e: PensionEstimate & { categoryInferred?: boolean }): Printable {
  const a = e.assumptions;
  return {
    data: e,
    text: {
      tables: [
        {
          title: `养老金测算 Pension estimate — 退休 retire ${e.retirementMonth} (${e.ageAtRetirement.years}y${e.ageAtRetirement.months}m)`,
          columns: ['项目 item', '值 value'],
          rows: [
            ['基础养老金 basic (yuan/month)', e.monthly.basic],
            ['个人账户养老金 account (yuan/month)', e.monthly.account],
            ['过渡性养老金 transitional (yuan/month)', e.monthly.transitional],
            ['合计 total (yuan/month)', e.monthly.total],
            ['折合当前工资水平 total in today’s wages', e.totalInAsOfWages],
            ['替代率 replacement rate', pct(e.replacementRate)],
            ['缴费年限 contribution years (past+future+deemed)', `${e.contributionYears.past} + ${e.contributionYears.future} + ${e.contributionYears.deemed} = ${e.contributionYears.total}`],
            ['最低缴费年限 minimum required', e.minContributionYears],
            ['平均缴费指数 average index', e.avgIndexRatio],
            ['退休上年月平均工资 avg wage (year before)', e.avgMonthlyWageBeforeRetirement],
            ['个人账户储存额 account balance', e.accountBalance],
            ['计发月数 months divisor', e.monthsDivisor],
          ],
        },
        {
          title: '假设 Assumptions (adjust with --wage-growth, --interest, --density, --avg-wage, --transition-coefficient)',
          columns: ['假设 assumption', '值 value'],
          rows: [
            ['工资增长率 wage growth', pct(a.wageGrowth)],
            ['记账利率 account interest (未公布年份 unannounced years)', pct(a.accountInterest)],
            ['缴费密度 contribution density', pct(a.contributionDensity)],
            ['过渡系数 transition coefficient', pct(a.transitionCoefficient)],
            ['当年月平均工资 avg monthly wage (as-of year)', Math.round(a.avgMonthlyWage * 100) / 100],
            ['今后缴费指数 future index', Math.round(a.indexRatio * 10000) / 10000],
            ['基准月 as of', a.asOf],
            ['参数 parameters / rules', `${a.paramsId} / ${a.rulesId}`],
          ],
        },
      ],
      lines: [
        ...e.problems.map((p) => `! ${p.code}: ${p.zh} / ${p.en}`),
        ...(e.categoryInferred ? ['注：女性按原55岁类别测算，如为原50岁请加 --category female-50。 Note: a woman is assumed female-55; pass --category female-50 if her original age was 50.'] : []),
        ...e.formula,
      ],
    },
  };
}

export function registerPensionCommands(program: Command, ctx: CliContext): void {
  const pension = program.command('pension').description('养老金 / pensions');
  pension
    .command('estimate')
    .description('个人养老金测算 / personal pension estimate (--id for a person in the store, or enter by hand)')
    .option('--id <id>', '身份证号码（库中人员）/ ID number of a person in the store')
    .option('--birth <YYYY-MM>', '出生年月 / birth month')
    .option('--category <category>', '人员类别 / male|female-55|female-50')
    .option('--wage <yuan>', '本人当前月工资（缴费基数）/ current monthly wage')
    .option('--years-contributed <years>', '已缴费年限（库中人员：含入库前的年限）/ years contributed so far (stored person: including years before the records)')
    .option('--balance <yuan>', '个人账户现有储存额 / account balance today')
    .option('--avg-wage <yuan>', '当地当年月平均工资 / local average monthly wage this year')
    .option('--deemed-years <years>', '视同缴费年限 / deemed service years', '0')
    .option('--retire <YYYY-MM>', '选择的弹性退休月份 / chosen flexible retirement month')
    .option('--as-of <YYYY-MM>', '最后已知月份 / last known month (default last month)')
    .option('--wage-growth <rate>', '工资年增长率，如 0.05 / yearly wage growth')
    .option('--interest <rate>', '记账利率，如 0.04 / account interest')
    .option('--density <share>', '今后缴费密度 0–1 / future contribution density')
    .option('--transition-coefficient <rate>', '过渡系数，如 0.012 / transition coefficient')
    .option('--region <code>', '地区 / region', 'CN')
    .action(
      defineAction(ctx, async (o: EstimateOptions) => {
        const request = parseInput(pensionEstimateRequestSchema, {
          id: o.id,
          birth: o.birth,
          category: o.category,
          wage: num(o.wage),
          yearsContributed: num(o.yearsContributed),
          balance: num(o.balance),
          avgWage: num(o.avgWage),
          deemedYears: num(o.deemedYears),
          retire: o.retire,
          asOf: o.asOf,
          wageGrowth: num(o.wageGrowth),
          interest: num(o.interest),
          density: num(o.density),
          transitionCoefficient: num(o.transitionCoefficient),
        }, { zh: '测算参数', en: 'estimate options' });
        const db = request.id ? await ctx.openDb(program.opts<{ db?: string }>().db) : undefined;
        try {
          const estimate = await estimatePensionFor(request, {
            policyDir: ctx.config.policyDir,
            db,
            today: ctx.clock.now().toISOString().slice(0, 10),
            region: o.region,
          });
          return estimatePrintable(estimate);
        } finally {
          await db?.close();
        }
      }),
    );
}
