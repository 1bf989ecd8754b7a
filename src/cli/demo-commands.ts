import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineAction, type CliContext } from './command-kit.ts';
import { projectRoot } from '../platform/config.ts';
import { readGeneratorParams, writeCity } from '../generate/generate-store.ts';
import { readGenerateInputs } from '../generate/generate-inputs-store.ts';
import { parseCityFlags } from '../generate/generate-commands.ts';
import { runIngest } from '../ingest/ingest-commands.ts';
import { refreshIndicators } from '../indicators/indicator-store.ts';
import { loadOpeningBalances } from '../indicators/opening-balance-store.ts';
import { readTagCatalogue } from '../tags/tag-catalogue-store.ts';
import { runTagBuild } from '../tags/tag-build-store.ts';
import { seedDemoUsers } from '../auth/auth-store.ts';
import { startServer } from '../server/server-commands.ts';

interface DemoFlags {
  persons: string;
  seed: string;
  port: string;
  host: string;
  asOf: string;
}

const say = (zh: string, en: string) => process.stderr.write(`• ${zh} / ${en}\n`);

/**
 * The main job: generate the synthetic city (once per size and seed), load it, build indicators and tags, seed
 * the demo users and serve the console. Re-running reuses the city and skips files already loaded.
 */
export function registerDemoCommands(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('演示：生成合成城市、导入、构建并启动控制台 / generate a city, load it, build everything and serve the console')
    .option('--persons <n>', 'city size / 人数', '20000')
    .option('--seed <s>', 'random seed / 随机种子', '1')
    .option('--as-of <date>', 'as-of date of the city / 基准日', '2026-10-31')
    .option('--host <host>', 'address to bind', ctx.config.host)
    .option('--port <port>', 'port', String(ctx.config.port))
    .action(defineAction(ctx, async (flags: DemoFlags, cmd: Command) => {
      const { persons, seed, asOf } = parseCityFlags(flags);
      const started = Date.now();
      const base = resolve(projectRoot, '.renshe/demo');
      const city = join(base, `city-${persons}-${flags.seed}-${flags.asOf}`);
      if (!existsSync(join(city, 'manifest.json'))) {
        say(`生成 ${persons.toLocaleString()} 人的合成城市`, `generating a synthetic city of ${persons.toLocaleString()} persons`);
        const params = await readGeneratorParams(ctx.config.policyDir);
        const inputs = await readGenerateInputs(ctx.config.sharedDataDir, params, '510100');
        await writeCity(city, inputs, { persons, seed, asOf, months: 36, defectRate: params.defects.defaultRate, region: '510100' });
      }
      const dbPath = cmd.optsWithGlobals().db ?? join(base, `demo-${persons}-${flags.seed}.duckdb`);
      const db = await ctx.openDb(dbPath);
      try {
        say('导入数据（校验、隔离）', 'loading the files (validation, quarantine)');
        const run = await runIngest(db, ctx, [city], {});
        say(`已导入 ${run.totals.loaded.toLocaleString()} 行，隔离 ${run.totals.quarantined.toLocaleString()} 行`, `loaded ${run.totals.loaded.toLocaleString()} rows, quarantined ${run.totals.quarantined.toLocaleString()}`);
        say('计算指标', 'computing indicators');
        await refreshIndicators(db, ctx.clock, { openingBalances: loadOpeningBalances(ctx.config.policyDir) });
        say('构建数据标签', 'building tags');
        const manifest = JSON.parse(readFileSync(join(city, 'manifest.json'), 'utf8')) as { asOf: string; region: string };
        await runTagBuild(db, readTagCatalogue(), { asOf: manifest.asOf, city: manifest.region.slice(0, 4), actor: 'demo' }, ctx.clock);
        await seedDemoUsers(db, ctx.clock);
      } finally {
        await db.close();
      }
      const { url } = await startServer(ctx, dbPath, flags.host, Number(flags.port), true);
      return {
        data: { url, city, db: dbPath, seconds: Math.round((Date.now() - started) / 1000) },
        text: { lines: [`控制台 console: ${url}  (admin/admin123, analyst/analyst123, auditor/auditor123, caseworker/caseworker123)`, `准备用时 ready in ${Math.round((Date.now() - started) / 1000)} s; Ctrl+C 停止 / to stop`] },
      };
    }));
}
