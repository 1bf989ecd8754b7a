import type { Command } from 'commander';
import { defineAction, withDb, type CliContext } from '../cli/command-kit.ts';
import { AppError } from '../platform/errors.ts';
import { economySignals, signalNames } from './economy-signal.ts';
import { loadSignalSchedule, readPhillipsInputs, type PhillipsInputs } from './macro-store.ts';
import { align, yoyInflation, type CpiForm, type MonthlyPoint } from './monthly-series.ts';
import { phillipsView } from './phillips-curve.ts';

interface MacroFlags {
  region?: string;
  from?: string;
  to?: string;
  cpiForm?: string;
}

const cpiForms: readonly CpiForm[] = ['level', 'yoy-index', 'yoy-percent'];

function checkFlags(flags: MacroFlags): { region?: string; from?: string; to?: string; cpiForm?: CpiForm } {
  if (flags.region !== undefined && !/^\d{6}$/.test(flags.region)) {
    throw new AppError('INPUT_INVALID', { zh: `地区代码应为 6 位数字，收到「${flags.region}」。`, en: `Region must be a six-digit code; got "${flags.region}".` });
  }
  for (const [name, value] of [['--from', flags.from], ['--to', flags.to]] as const) {
    if (value !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
      throw new AppError('INPUT_INVALID', { zh: `${name} 应为 YYYY-MM，收到「${value}」。`, en: `${name} must be YYYY-MM; got "${value}".` });
    }
  }
  if (flags.from && flags.to && flags.from > flags.to) {
    throw new AppError('INPUT_INVALID', { zh: `--from ${flags.from} 晚于 --to ${flags.to}。`, en: `--from ${flags.from} is after --to ${flags.to}.` });
  }
  if (flags.cpiForm !== undefined && !cpiForms.includes(flags.cpiForm as CpiForm)) {
    throw new AppError('INPUT_INVALID', { zh: `--cpi-form 应为 ${cpiForms.join('/')}。`, en: `--cpi-form must be one of ${cpiForms.join(', ')}.` });
  }
  return { region: flags.region, from: flags.from, to: flags.to, cpiForm: flags.cpiForm as CpiForm | undefined };
}

const within = (from?: string, to?: string) => (p: { period: string }) => (!from || p.period >= from) && (!to || p.period <= to);

async function readInputs(ctx: CliContext, program: Command, flags: ReturnType<typeof checkFlags>): Promise<PhillipsInputs & { inflation: MonthlyPoint[] }> {
  return withDb(ctx, program, async (db) => {
    const inputs = await readPhillipsInputs(db, { region: flags.region, cpiForm: flags.cpiForm });
    // Inflation from the whole CPI series: a level needs the same month a year before the first month shown.
    return { ...inputs, inflation: yoyInflation(inputs.cpi, inputs.cpiForm) };
  });
}

const sourceLines = (i: PhillipsInputs) => [
  `失业率来源 ${i.sources.unemployment}；CPI 来源 ${i.sources.cpi}（${i.cpiForm}）。`,
  `Unemployment from ${i.sources.unemployment}; CPI from ${i.sources.cpi} (${i.cpiForm}).`,
];

const signalFlags = (c: Command) =>
  c
    .option('--region <code>', '失业率所属地区（默认：数据最多的城市）/ region of the unemployment rate')
    .option('--from <YYYY-MM>', '起始月份 / first month')
    .option('--to <YYYY-MM>', '截止月份 / last month')
    .option('--cpi-form <form>', 'CPI 口径 / CPI form: level | yoy-index | yoy-percent（默认自动识别 / detected）');

/** `renshe macro phillips | signal`: unemployment read together with inflation, from the store. */
export function registerMacroCommands(program: Command, ctx: CliContext): void {
  const macro = program.command('macro').description('失业与通胀（菲利普斯曲线、过热/放缓信号）/ unemployment with inflation');

  signalFlags(macro.command('phillips'))
    .description('菲利普斯曲线：各月失业率与 CPI 同比、最小二乘斜率及滚动斜率 / Phillips-curve points, fit and rolling slopes')
    .option('--window <months>', '滚动窗口月数 / rolling window in months', '60')
    .action(
      defineAction(ctx, async (raw: MacroFlags & { window: string }) => {
        const flags = checkFlags(raw);
        const window = Number(raw.window);
        if (!Number.isInteger(window) || window < 12 || window > 600) {
          throw new AppError('INPUT_INVALID', { zh: `--window 应为 12–600 的整数，收到「${raw.window}」。`, en: `--window must be an integer from 12 to 600; got "${raw.window}".` });
        }
        const inputs = await readInputs(ctx, program, flags);
        const keep = within(flags.from, flags.to);
        const unemployment = inputs.unemployment.filter(keep);
        const inflation = inputs.inflation.filter(keep);
        const aligned = align(unemployment, inflation).length;
        const view = phillipsView(unemployment, inflation, Math.max(3, Math.min(window, aligned)), 12);
        const fit = view.fit;
        const lines = [
          ...sourceLines(inputs),
          fit
            ? `全期 ${view.points[0].period}…${view.points[view.points.length - 1].period}：通胀 = ${fit.intercept.toFixed(2)} ${fit.slope < 0 ? '−' : '+'} ${Math.abs(fit.slope).toFixed(3)} × 失业率，R² ${fit.r2.toFixed(2)}，${fit.n} 个月（斜率为负即失业与通胀此消彼长；接近 0 则曲线平坦）。`
            : '匹配的月份不足 3 个，无法拟合。',
          fit
            ? `Whole span ${view.points[0].period}…${view.points[view.points.length - 1].period}: inflation = ${fit.intercept.toFixed(2)} ${fit.slope < 0 ? '−' : '+'} ${Math.abs(fit.slope).toFixed(3)} × unemployment, R² ${fit.r2.toFixed(2)}, ${fit.n} months (negative: the classic trade-off; near 0: a flat curve).`
            : 'Fewer than 3 matching months: no fit.',
        ];
        return {
          data: { sources: inputs.sources, cpiForm: inputs.cpiForm, from: flags.from ?? null, to: flags.to ?? null, window, ...view },
          text: {
            tables: [
              { title: '滚动斜率 Rolling slopes', columns: ['起 from', '止 to', '斜率 slope', '截距 intercept', 'R²', '月数 n'], rows: view.rolling.map((r) => [r.from, r.to, r.slope, r.intercept, r.r2, r.n]) },
              { title: '各月 Points', columns: ['期间 period', '失业率 unemployment %', '通胀 inflation %'], rows: view.points.map((p) => [p.period, p.unemployment, p.inflation]) },
            ],
            lines,
          },
        };
      }),
    );

  signalFlags(macro.command('signal'))
    .description('过热/放缓/滞胀信号及其理由（默认最近 12 个月）/ overheating, slowdown or stagflation signal with reasons (last 12 months by default)')
    .action(
      defineAction(ctx, async (raw: MacroFlags) => {
        const flags = checkFlags(raw);
        const inputs = await readInputs(ctx, program, flags);
        const schedule = loadSignalSchedule(ctx.config.policyDir);
        // Judged on the whole history (the Sahm rule and the 36-month trend look back), each month by the target
        // in force then, and only then cut to the range.
        const all = economySignals(inputs.unemployment, inputs.inflation, schedule).filter(within(flags.from, flags.to));
        const months = flags.from || flags.to ? all : all.slice(-12);
        if (!months.length) {
          throw new AppError('NOT_FOUND', { zh: '所选期间没有同时有失业率和通胀的月份。', en: 'No month in the range has both an unemployment rate and inflation.' });
        }
        const latest = months[months.length - 1];
        const named = months.map((m) => ({ ...m, name: signalNames[m.signal] }));
        return {
          data: { sources: inputs.sources, cpiForm: inputs.cpiForm, schedule, months: named, latest: named[named.length - 1] },
          text: {
            tables: [{
              title: '经济信号 Economy signal',
              columns: ['期间 period', '信号', 'signal', '失业率 unemp. %', '通胀 infl. %', '目标 target %', '萨姆 Sahm', '6月变化 6m Δ', '通胀走势 momentum'],
              rows: months.map((m) => [m.period, signalNames[m.signal].zh, m.signal, m.unemployment, m.inflation, `${m.target.inflationTarget} ± ${m.target.band}`, m.facts.sahm, m.facts.change6, m.facts.inflationMomentum]),
            }],
            lines: [
              ...sourceLines(inputs),
              `${latest.period}：${signalNames[latest.signal].zh}。${latest.reasonsZh.join('；')}。`,
              `${latest.period}: ${latest.signal}. ${latest.reasonsEn.join('; ')}.`,
            ],
          },
        };
      }),
    );
}
