import type { Command } from 'commander';
import { defineAction, withDb, type CliContext } from '../cli/command-kit.ts';
import { indicatorCatalogue } from './indicator-catalogue.ts';
import { indicatorNamed, readIndicatorSeries, readIndicatorSummaries, readLatestByRegion, refreshIndicators } from './indicator-store.ts';
import { loadOpeningBalances } from './opening-balance-store.ts';

/** For a fund's reserve or months covered in one region: say so when no opening balance went into it. */
function openingBalanceLines(code: string, points: { denominator: number | null }[], reserve: { denominator: number | null }[]): string[] {
  if (!/^FUND_(RESERVE|COVER_MONTHS)\./.test(code) || points.length === 0) return [];
  const last = reserve[reserve.length - 1];
  if (last && last.denominator !== null) return [`期初结存 opening balance: ${last.denominator.toLocaleString('en-US')} 元 yuan`];
  return ['注意：该地区该险种未配置期初结存，累计结余从数据首月起算，只看走势。', 'Note: no opening balance is configured for this region and scheme; the accumulated balance starts at the first month of data — read the direction, not the level.'];
}

/** `renshe indicators refresh | list | show CODE [--region R]`. */
export function registerIndicatorCommands(program: Command, ctx: CliContext): void {
  const indicators = program.command('indicators').description('统计指标（按区县、城市和月份）/ indicators by county, city and month');

  indicators
    .command('refresh')
    .description('从业务数据重新计算全部指标 / recompute every indicator from the entity tables')
    .action(
      defineAction(ctx, async () => {
        return withDb(ctx, program, async (db) => {
          const r = await refreshIndicators(db, ctx.clock, { openingBalances: loadOpeningBalances(ctx.config.policyDir) });
          const lines = [`已计算 ${r.indicators} 个指标，${r.rows} 行，期间 ${r.from ?? '—'} 至 ${r.to ?? '—'}，用时 ${r.elapsedMs} ms。`, `Computed ${r.indicators} indicators, ${r.rows} rows, ${r.from ?? '—'} to ${r.to ?? '—'}, in ${r.elapsedMs} ms.`];
          for (const n of r.notes) lines.push(`注意 ${n.zh}`, `Note: ${n.en}`);
          return { data: r, text: { lines } };
        });
      }),
    );

  indicators
    .command('list')
    .description('列出指标定义及已有数据 / list indicator definitions and their data')
    .action(
      defineAction(ctx, async () => {
        return withDb(ctx, program, async (db) => {
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
        });
      }),
    );

  indicators
    .command('show <code>')
    .description('显示一个指标：各地区最新值，或某地区的月度序列 / latest value by region, or one region\'s monthly series')
    .option('--region <code>', '地区区划代码 / region code')
    .action(
      defineAction(ctx, async (code: string, opts: { region?: string }) => {
        const def = indicatorNamed(code);
        return withDb(ctx, program, async (db) => {
          const title = `${def.zh} ${def.en}（${def.unit.zh} / ${def.unit.en}）`;
          const lines = [def.definitionZh, def.definitionEn];
          if (opts.region) {
            const points = await readIndicatorSeries(db, code, opts.region);
            const reserve = code.startsWith('FUND_COVER_MONTHS.') ? await readIndicatorSeries(db, code.replace('FUND_COVER_MONTHS.', 'FUND_RESERVE.'), opts.region) : points;
            lines.push(...openingBalanceLines(code, points, reserve));
            return { data: { indicator: def.code, region: opts.region, points }, text: { tables: [{ title: `${title} — ${opts.region}`, columns: ['期间 period', '值 value', '分子 numerator', '分母 denominator'], rows: points.map((p) => [p.period, p.value, p.numerator, p.denominator]) }], lines } };
          }
          const latest = await readLatestByRegion(db, code);
          return { data: { indicator: def.code, latest }, text: { tables: [{ title, columns: ['地区 region', '名称 name', '期间 period', '值 value'], rows: latest.map((r) => [r.region, r.name, r.period, r.value]) }], lines } };
        });
      }),
    );
}
