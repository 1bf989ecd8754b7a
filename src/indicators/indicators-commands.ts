import type { Command } from 'commander';
import { defineAction, type CliContext } from '../cli/command-kit.ts';
import { indicatorCatalogue } from './indicator-catalogue.ts';
import { indicatorNamed, readIndicatorSeries, readIndicatorSummaries, readLatestByRegion, refreshIndicators } from './indicator-store.ts';

/** `renshe indicators refresh | list | show CODE [--region R]`. */
export function registerIndicatorCommands(program: Command, ctx: CliContext): void {
  const indicators = program.command('indicators').description('统计指标（按区县、城市和月份）/ indicators by county, city and month');

  indicators
    .command('refresh')
    .description('从业务数据重新计算全部指标 / recompute every indicator from the entity tables')
    .action(
      defineAction(ctx, async () => {
        const db = await ctx.openDb(program.opts().db);
        try {
          const r = await refreshIndicators(db, ctx.clock);
          return { data: r, text: { lines: [`已计算 ${r.indicators} 个指标，${r.rows} 行，期间 ${r.from ?? '—'} 至 ${r.to ?? '—'}，用时 ${r.elapsedMs} ms。`, `Computed ${r.indicators} indicators, ${r.rows} rows, ${r.from ?? '—'} to ${r.to ?? '—'}, in ${r.elapsedMs} ms.`] } };
        } finally {
          await db.close();
        }
      }),
    );

  indicators
    .command('list')
    .description('列出指标定义及已有数据 / list indicator definitions and their data')
    .action(
      defineAction(ctx, async () => {
        const db = await ctx.openDb(program.opts().db);
        try {
          const summaries = await readIndicatorSummaries(db);
          const data = indicatorCatalogue.map((d) => ({ code: d.code, zh: d.zh, en: d.en, unit: d.unit, definitionZh: d.definitionZh, definitionEn: d.definitionEn, ...summaries.get(d.code) }));
          return {
            data,
            text: {
              tables: [{
                title: '指标 Indicators',
                columns: ['代码 code', '名称', 'name', '单位 unit', '地区数 regions', '期间 months'],
                rows: data.map((d) => [d.code, d.zh, d.en, d.unit.zh, d.regions ?? 0, d.from ? `${d.from}…${d.to}` : '—']),
              }],
            },
          };
        } finally {
          await db.close();
        }
      }),
    );

  indicators
    .command('show <code>')
    .description('显示一个指标：各地区最新值，或某地区的月度序列 / latest value by region, or one region\'s monthly series')
    .option('--region <code>', '地区区划代码 / region code')
    .action(
      defineAction(ctx, async (code: string, opts: { region?: string }) => {
        const def = indicatorNamed(code);
        const db = await ctx.openDb(program.opts().db);
        try {
          const title = `${def.zh} ${def.en}（${def.unit.zh} / ${def.unit.en}）`;
          const lines = [def.definitionZh, def.definitionEn];
          if (opts.region) {
            const points = await readIndicatorSeries(db, code, opts.region);
            return { data: { indicator: def.code, region: opts.region, points }, text: { tables: [{ title: `${title} — ${opts.region}`, columns: ['期间 period', '值 value', '分子 numerator', '分母 denominator'], rows: points.map((p) => [p.period, p.value, p.numerator, p.denominator]) }], lines } };
          }
          const latest = await readLatestByRegion(db, code);
          return { data: { indicator: def.code, latest }, text: { tables: [{ title, columns: ['地区 region', '名称 name', '期间 period', '值 value'], rows: latest.map((r) => [r.region, r.name, r.period, r.value]) }], lines } };
        } finally {
          await db.close();
        }
      }),
    );
}
