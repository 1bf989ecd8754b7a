import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { defineAction, type CliContext } from '../cli/command-kit.ts';
import type { Printable } from '../cli/printer.ts';
import { AppError } from '../platform/errors.ts';
import { readGenerateInputs } from './generate-inputs-store.ts';
import { readGeneratorParams, writeCity } from './generate-store.ts';

interface GenerateFlags {
  persons: string;
  seed: string;
  out: string;
  asOf: string;
  defectRate?: string;
  months: string;
  region: string;
  params: string;
  json?: boolean;
}

function invalid(zh: string, en: string): AppError {
  return new AppError('INPUT_INVALID', { zh, en });
}

/** The city flags `generate` and `demo` share, checked the same way for both. */
export function parseCityFlags(flags: { persons: string; seed: string; asOf: string }): { persons: number; seed: number | string; asOf: string } {
  const persons = integer(flags.persons, '--persons', 1, 50_000_000);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(flags.asOf) || Number.isNaN(Date.parse(flags.asOf))) {
    throw invalid(`--as-of 应为 YYYY-MM-DD 日期，收到 ${flags.asOf}`, `--as-of must be a YYYY-MM-DD date, got ${flags.asOf}`);
  }
  return { persons, seed: /^-?\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed, asOf: flags.asOf };
}

function integer(raw: string, name: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw invalid(`${name} 应为 ${min}–${max} 的整数，收到 ${raw}`, `${name} must be an integer from ${min} to ${max}, got ${raw}`);
  return n;
}

export function registerGenerateCommands(program: Command, ctx: CliContext): void {
  program
    .command('generate')
    .description('生成合成城市数据（人员、单位、参保缴费、待遇……含缺陷与标准答案）/ generate a synthetic city with planted defects and ground truth')
    .option('--persons <n>', 'persons at the start of the window / 人数', '20000')
    .option('--seed <s>', 'random seed / 随机种子', '1')
    .option('--out <dir>', 'output folder / 输出目录', 'out/city')
    .option('--as-of <date>', 'as-of date YYYY-MM-DD / 基准日', '2026-10-31')
    .option('--defect-rate <r>', 'share of rows with a planted defect (default from the parameters, 0.01) / 缺陷比例')
    .option('--months <m>', 'months of history ending at the as-of month / 历史月数', '36')
    .option('--region <city6>', 'prefecture-level city (GB/T 2260) / 地级市代码', '510100')
    .option('--params <name>', 'parameter file under data/policy/generator / 参数文件', 'default')
    .action(
      defineAction(ctx, async (flags: GenerateFlags) => {
        const { persons, seed } = parseCityFlags(flags);
        const months = integer(flags.months, '--months', 1, 240);
        if (!/^\d{6}$/.test(flags.region)) throw invalid(`--region 应为 6 位区划代码，收到 ${flags.region}`, `--region must be a 6-digit division code, got ${flags.region}`);
        const params = await readGeneratorParams(ctx.config.policyDir, flags.params);
        const defectRate = flags.defectRate === undefined ? params.defects.defaultRate : Number(flags.defectRate);
        if (!(defectRate >= 0 && defectRate <= 0.5)) throw invalid(`--defect-rate 应在 0–0.5 之间，收到 ${flags.defectRate}`, `--defect-rate must be within 0–0.5, got ${flags.defectRate}`);
        const inputs = await readGenerateInputs(ctx.config.sharedDataDir, params, flags.region);
        const started = ctx.clock.now().getTime();
        const json = Boolean(flags.json) || Boolean(program.opts().json);
        const bar = ctx.interactive && !json
          ? new cliProgress.SingleBar({ format: '生成 generate [{bar}] {value}/{total} 人 persons', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic)
          : null;
        bar?.start(persons, 0);
        const summary = await writeCity(flags.out, inputs, { persons, seed, asOf: flags.asOf, months, defectRate, region: flags.region }, {
          progress: async (done) => {
            bar?.update(done);
            // Let the bar redraw between chunks (generation itself is synchronous).
            await new Promise((resolve) => setImmediate(resolve));
          },
        });
        bar?.stop();
        const elapsedMs = ctx.clock.now().getTime() - started;
        const totalRows = summary.files.reduce((s, f) => s + f.rows, 0);
        const printable: Printable = {
          data: { ...summary, elapsedMs, totalRows },
          text: {
            tables: [{ title: `合成城市 synthetic city → ${summary.out}`, columns: ['文件 file', '实体 entity', '格式 format', '编码 encoding', '行数 rows'], rows: summary.files.map((f) => [f.file, f.entity, f.format, f.encoding ?? '', f.rows]) }],
            lines: [
              `人员 persons: ${summary.personRows.toLocaleString('en-US')}（期初 ${summary.persons.toLocaleString('en-US')}）  单位 employers: ${summary.employers.toLocaleString('en-US')}`,
              `总行数 rows: ${totalRows.toLocaleString('en-US')}  缺陷 defects (incl. cascades): ${summary.defects.toLocaleString('en-US')}  标准答案 ground truth: ${summary.truthRows.toLocaleString('en-US')}`,
              `用时 elapsed: ${(elapsedMs / 1000).toFixed(1)} s  清单 manifest: ${summary.out}/manifest.json`,
            ],
          },
        };
        return printable;
      }),
    );
}
