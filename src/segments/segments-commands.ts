import type { Command } from 'commander';
import { defineAction, withDb, type CliContext } from '../cli/command-kit.ts';
import { AppError } from '../platform/errors.ts';
import { recordAccess } from '../platform/audit-store.ts';
import { readTagCatalogue } from '../tags/tag-catalogue-store.ts';
import { breakdownSegment, countSegment, exportSegment, sampleSegment } from './segment-store.ts';
import { maskMembers } from './segment-mask.ts';
import { createSegment, listSegments, readSegment, updateSegment } from './saved-segment-store.ts';
import type { SegmentSpec } from './segment-spec.ts';

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
const cliActor = { username: 'cli', role: 'cli', client: 'local' };

/** `renshe segment count|breakdown|sample|export|save|list|show`. */
export function registerSegmentCommands(program: Command, ctx: CliContext): void {
  const segment = program.command('segment').description('人群分群 / segments of persons');
  const spec = (expr: string, regions: string[]): SegmentSpec => ({ expr, regions });
  const regionOption = ['--region <code>', '限定地区（可多次或逗号分隔）/ restrict to regions (repeat or comma-separate)'] as const;

  segment
    .command('count <expr>')
    .description('统计分群人数 / count the members of a segment')
    .option(...regionOption, collect, [])
    .action(
      defineAction(ctx, async (expr: string, opts: { region: string[] }) => {
        const r = await withDb(ctx, program, (db) => countSegment(db, readTagCatalogue(), spec(expr, opts.region)));
        return { data: { ...r, expr, regions: opts.region }, text: { lines: [`${r.count.toLocaleString()} 人 persons（${r.elapsedMs} ms, as of ${r.asOf}, build #${r.buildId}）`] } };
      }),
    );

  segment
    .command('breakdown <expr>')
    .description('按地区、年龄段、性别分布 / breakdown by region, age band and sex')
    .option(...regionOption, collect, [])
    .action(
      defineAction(ctx, async (expr: string, opts: { region: string[] }) => {
        const r = await withDb(ctx, program, (db) => breakdownSegment(db, readTagCatalogue(), spec(expr, opts.region)));
        return {
          data: r,
          text: {
            tables: [
              { title: `地区 region (${r.count.toLocaleString()} persons)`, columns: ['code', '名称 name', '人数 count'], rows: r.region.map((x) => [x.key, x.name, x.count]) },
              { title: '年龄段 age band', columns: ['band', '人数 count'], rows: r.ageBand.map((x) => [x.key, x.count]) },
              { title: '性别 sex', columns: ['sex', '人数 count'], rows: r.sex.map((x) => [x.key === '1' ? '男 male' : x.key === '2' ? '女 female' : x.key, x.count]) },
            ],
          },
        };
      }),
    );

  segment
    .command('sample <expr>')
    .description('脱敏样本 / a masked sample of members')
    .option(...regionOption, collect, [])
    .option('--size <n>', '样本量 / sample size', '10')
    .action(
      defineAction(ctx, async (expr: string, opts: { region: string[]; size: string }) => {
        const size = Number(opts.size);
        if (!Number.isInteger(size) || size < 1 || size > 1000) throw new AppError('INPUT_INVALID', { zh: '样本量应为 1–1000。', en: 'Sample size must be 1–1000.' });
        const rows = maskMembers(await withDb(ctx, program, (db) => sampleSegment(db, readTagCatalogue(), spec(expr, opts.region), size)), false);
        return { data: rows, text: { tables: [{ columns: ['身份证号 id', '姓名 name', '性别 sex', '年龄 age', '地区 region'], rows: rows.map((r) => [r.id_number, r.name, r.sex, r.age, r.region]) }] } };
      }),
    );

  segment
    .command('export <expr>')
    .description('导出分群成员（CSV，记录审计）/ export members to CSV for a campaign (audited)')
    .option(...regionOption, collect, [])
    .requiredOption('--out <file>', '输出文件 / output CSV file')
    .requiredOption('--purpose <text>', '用途（记入审计日志）/ purpose, recorded in the audit log')
    .action(
      defineAction(ctx, async (expr: string, opts: { region: string[]; out: string; purpose: string }) => {
        const r = await withDb(ctx, program, async (db) => {
          const result = await exportSegment(db, readTagCatalogue(), spec(expr, opts.region), opts.out);
          await recordAccess(db, cliActor, { action: 'export', resource: 'segment_export', subject: expr.slice(0, 500), unmasked: true, purpose: opts.purpose, rowsReturned: result.rows }, ctx.clock);
          return result;
        });
        return { data: { ...r, file: opts.out }, text: { lines: [`已导出 Exported ${r.rows.toLocaleString()} members to ${opts.out}（已记入审计 audited）`] } };
      }),
    );

  segment
    .command('save <expr>')
    .description('保存分群（同名则新增版本）/ save a segment (a new version if the id is given)')
    .requiredOption('--name <name>', '名称 / name')
    .option('--id <n>', '更新已保存的分群 / update this saved segment')
    .option('--description <text>', '说明 / description')
    .option('--owner <user>', '所有者 / owner', 'cli')
    .option(...regionOption, collect, [])
    .action(
      defineAction(ctx, async (expr: string, opts: { name: string; id?: string; description?: string; owner: string; region: string[] }) => {
        const input = { name: opts.name, expr, regions: opts.region, description: opts.description ?? null };
        const saved = await withDb(ctx, program, (db) =>
          opts.id ? updateSegment(db, readTagCatalogue(), Number(opts.id), input, opts.owner, ctx.clock) : createSegment(db, readTagCatalogue(), input, opts.owner, ctx.clock),
        );
        return { data: saved, text: { lines: [`分群 segment #${saved.id} “${saved.name}” v${saved.currentVersion}`] } };
      }),
    );

  segment
    .command('list')
    .description('已保存的分群 / saved segments')
    .action(
      defineAction(ctx, async () => {
        const rows = await withDb(ctx, program, (db) => listSegments(db));
        return { data: rows, text: { tables: [{ columns: ['id', '名称 name', '所有者 owner', '版本 version', '条件 expr', '地区 regions'], rows: rows.map((s) => [s.id, s.name, s.owner, s.currentVersion, s.current.expr, s.current.regions.join(',')]) }] } };
      }),
    );

  segment
    .command('show <id>')
    .description('分群及其版本历史 / a saved segment and its versions')
    .action(
      defineAction(ctx, async (id: string) => {
        const s = await withDb(ctx, program, (db) => readSegment(db, Number(id), true));
        if (!s) throw new AppError('NOT_FOUND', { zh: `没有分群 ${id}。`, en: `There is no segment ${id}.` });
        return { data: s, text: { tables: [{ title: `#${s.id} ${s.name} (owner ${s.owner})`, columns: ['版本 version', '作者 author', '时间 at', '条件 expr', '地区 regions'], rows: (s.versions ?? []).map((v) => [v.version, v.author, v.createdAt, v.expr, v.regions.join(',')]) }] } };
      }),
    );
}
