import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defineAction, withDb, type CliContext } from '../cli/command-kit.ts';
import { projectRoot } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import { buildFacts, readFactRow } from './facts-store.ts';
import { factCatalogue, type FactSubject } from './fact-catalogue.ts';
import { renderFactsDoc } from './facts-doc.ts';

interface BuildOptions { asOf?: string; city?: string; db?: string }

/** `renshe facts build|list|show|doc`. */
export function registerFactsCommands(program: Command, ctx: CliContext): void {
  const facts = program.command('facts').description('事实目录与计算 / fact catalogue and computation');

  facts
    .command('build')
    .description('按基准日计算人员与单位事实 / compute person and employer facts as of a date')
    .option('--as-of <date>', '基准日 YYYY-MM-DD / as-of date (default: today)')
    .option('--city <prefix4>', '本市地级市代码前 4 位 / this city, e.g. 5101')
    .action(
      defineAction(ctx, async (opts: BuildOptions) => {
        return withDb(ctx, program, async (db) => {
          const result = await buildFacts(db, { asOf: opts.asOf ?? ctx.clock.now().toISOString().slice(0, 10), city: opts.city ?? null });
          return { data: result, text: { lines: [`事实已计算 Facts built as of ${result.asOf}: ${result.persons} persons, ${result.employers} employers (${result.elapsedMs.person + result.elapsedMs.employer} ms)`] } };
        });
      }),
    );

  facts
    .command('list')
    .description('列出事实目录 / list the fact catalogue')
    .option('--subject <subject>', 'person | employer', 'person')
    .action(
      defineAction(ctx, async (opts: { subject: string }) => {
        const subject = parseSubject(opts.subject);
        const rows = factCatalogue[subject].map((f) => [f.code, f.zh, f.en, f.type, f.unit?.zh ?? '']);
        return { data: factCatalogue[subject], text: { tables: [{ columns: ['code', '名称', 'name', 'type', '单位'], rows }] } };
      }),
    );

  facts
    .command('show')
    .description('显示一个人员或单位的事实 / show the facts of a person or employer')
    .requiredOption('--id <key>', '身份证号或统一社会信用代码 / ID number or credit code')
    .option('--subject <subject>', 'person | employer', 'person')
    .action(
      defineAction(ctx, async (opts: { id: string; subject: string }) => {
        const subject = parseSubject(opts.subject);
        return withDb(ctx, program, async (db) => {
          const row = await readFactRow(db, subject, opts.id);
          if (!row) throw new AppError('NOT_FOUND', { zh: `没有 ${opts.id} 的事实；请先运行 renshe facts build。`, en: `No facts for ${opts.id}; run renshe facts build first.` });
          const rows = factCatalogue[subject].map((f) => [f.code, f.zh, row[f.code]]);
          return { data: row, text: { tables: [{ columns: ['code', '名称', 'value'], rows }] } };
        });
      }),
    );

  facts
    .command('doc')
    .description('由目录生成 docs/facts.md / write docs/facts.md from the catalogue')
    .option('--out <file>', 'output file', resolve(projectRoot, 'docs/facts.md'))
    .action(
      defineAction(ctx, async (opts: { out: string }) => {
        writeFileSync(opts.out, renderFactsDoc());
        return { data: { file: opts.out }, text: { lines: [`已写入 Wrote ${opts.out}`] } };
      }),
    );
}

function parseSubject(value: string): FactSubject {
  if (value === 'person' || value === 'employer') return value;
  throw new AppError('INPUT_INVALID', { zh: `主体“${value}”无效，应为 person 或 employer。`, en: `Subject "${value}" is invalid; use person or employer.` });
}
