import type { Command } from 'commander';
import { defineAction, withDb, type CliContext } from '../cli/command-kit.ts';
import type { Printable } from '../cli/printer.ts';
import { AppError } from '../platform/errors.ts';
import { maskIdNumber } from '../identity/mask.ts';
import { loadTagFiles, readTagCatalogue } from './tag-catalogue-store.ts';
import { describeCatalogueProblems, tagCategories } from './tag-catalogue.ts';
import { runTagBuild } from './tag-build-store.ts';
import { readBuildChanges, readChangedMembers, readLatestBuild, readSubjectHistory, readTagCounts } from './tag-history-store.ts';
import { historyEvents } from './tag-history.ts';
import { explainTag } from './tag-explain-store.ts';

const yesNo = (b: boolean | null) => (b === null ? '—' : b ? '是 yes' : '否 no');

/** `renshe tags build|list|check|changes|history|explain`. */
export function registerTagsCommands(program: Command, ctx: CliContext): void {
  const tags = program.command('tags').description('数据标签 / data tags');

  tags
    .command('build')
    .description('计算事实和全部标签并保存快照 / compute facts and every tag, keep a snapshot')
    .option('--as-of <date>', '基准日 YYYY-MM-DD / as-of date (default: today)')
    .option('--city <prefix4>', '本市地级市代码前 4 位 / this city, e.g. 5101')
    .action(
      defineAction(ctx, async (opts: { asOf?: string; city?: string }) => {
        const catalogue = readTagCatalogue();
        const asOf = opts.asOf ?? ctx.clock.now().toISOString().slice(0, 10);
        const r = await withDb(ctx, program, (db) => runTagBuild(db, catalogue, { asOf, city: opts.city ?? null, actor: 'cli' }, ctx.clock));
        return {
          data: r,
          text: {
            tables: [{ title: `标签构建 Tag build #${r.buildId} as of ${r.asOf}`, columns: ['标签 tag', '主体 subject', '人数/单位数 members'], rows: r.tags.map((t) => [t.code, t.subject, t.members]) }],
            lines: [`${r.persons.toLocaleString()} persons, ${r.employers.toLocaleString()} employers — facts ${r.elapsedMs.facts} ms, tags ${r.elapsedMs.tags} ms, snapshot ${r.elapsedMs.snapshot} ms, total ${r.elapsedMs.total} ms`],
          },
        };
      }),
    );

  tags
    .command('check')
    .description('检查标签目录（data/tags）/ check the tag catalogue files')
    .action(
      defineAction(ctx, async () => {
        const r = loadTagFiles();
        if (!r.ok) {
          const text = describeCatalogueProblems(r.problems);
          throw new AppError('RULE_INVALID', { zh: `标签目录有误：\n${text.zh}`, en: `The tag catalogue has problems:\n${text.en}` }, { details: r.problems });
        }
        return { data: { ok: true, tags: r.catalogue.tags.length }, text: { lines: [`标签目录正确 Catalogue OK: ${r.catalogue.tags.length} tags`] } };
      }),
    );

  tags
    .command('list')
    .description('列出标签及最近一次构建的人数 / list tags with counts from the latest build')
    .action(
      defineAction(ctx, async () => {
        const catalogue = readTagCatalogue();
        const { build, counts } = await withDb(ctx, program, async (db) => {
          const build = await readLatestBuild(db);
          return { build, counts: build ? await readTagCounts(db, build.build_id) : [] };
        });
        const byTag = new Map(counts.map((c) => [c.tag, c]));
        const rows = catalogue.tags.map((t) => {
          const c = byTag.get(t.code);
          return { code: t.code, zh: t.zh, en: t.en, category: t.category, subject: t.subject, rule: t.rule, members: c?.members ?? null, previous: c?.previous ?? null };
        });
        return {
          data: { build, tags: rows },
          text: {
            tables: [{
              title: build ? `标签 Tags — build #${build.build_id} as of ${build.as_of}` : '标签 Tags — 尚未构建 not built yet',
              columns: ['code', '名称', 'name', '类别 category', '主体 subject', '人数 members', '上次 previous'],
              rows: rows.map((r) => [r.code, r.zh, r.en, tagCategories[r.category].zh, r.subject, r.members, r.previous]),
            }],
          },
        };
      }),
    );

  tags
    .command('changes')
    .description('某次构建相对上一次的变化 / what changed in a build against the previous one')
    .option('--build <n>', '构建号 build number (default: latest)')
    .option('--tag <code>', '列出该标签新增/移除的成员 / list members added to or removed from this tag')
    .option('--limit <n>', '成员列表条数 / members to list', '20')
    .action(
      defineAction(ctx, async (opts: { build?: string; tag?: string; limit: string }) =>
        withDb(ctx, program, async (db): Promise<Printable> => {
          const buildId = opts.build ? parsePositive(opts.build, 'build') : (await readLatestBuild(db))?.build_id;
          if (!buildId) throw new AppError('NOT_FOUND', { zh: '尚未构建标签。', en: 'No tag build yet.' });
          const { previous, changes } = await readBuildChanges(db, buildId);
          const lines = [`构建 build #${buildId} 对比 against ${previous ? `#${previous}` : '（无 none）'}`];
          const data: Record<string, unknown> = { buildId, previous, changes };
          if (opts.tag) {
            const limit = parsePositive(opts.limit, 'limit');
            const mask = (k: string) => (k.length === 18 ? maskIdNumber(k) : k);
            const added = (await readChangedMembers(db, buildId, opts.tag, 'added', limit)).map(mask);
            const removed = (await readChangedMembers(db, buildId, opts.tag, 'removed', limit)).map(mask);
            Object.assign(data, { tag: opts.tag, added, removed });
            lines.push(`${opts.tag} 新增 added: ${added.join(', ') || '—'}`, `${opts.tag} 移除 removed: ${removed.join(', ') || '—'}`);
          }
          return { data, text: { tables: [{ columns: ['标签 tag', '主体 subject', '新增 added', '移除 removed'], rows: changes.map((c) => [c.tag, c.subject, c.added, c.removed]) }], lines } };
        }),
      ),
    );

  tags
    .command('history')
    .description('一个人员或单位的标签历史 / tag history of a person or employer')
    .requiredOption('--id <key>', '身份证号或统一社会信用代码 / ID number or credit code')
    .action(
      defineAction(ctx, async (opts: { id: string }) => {
        const events = historyEvents(await withDb(ctx, program, (db) => readSubjectHistory(db, opts.id)));
        return {
          data: { key: opts.id, builds: events },
          text: {
            tables: [{
              title: `标签历史 Tag history of ${opts.id.length === 18 ? maskIdNumber(opts.id) : opts.id}`,
              columns: ['构建 build', '基准日 as of', '新增 added', '移除 removed', '标签 tags'],
              rows: events.map((e) => [e.buildId, e.asOf, e.added.join(' '), e.removed.join(' '), e.tags.join(' ')]),
            }],
          },
        };
      }),
    );

  tags
    .command('explain')
    .description('解释某人/单位为何有或没有某标签 / why a subject has or lacks a tag')
    .requiredOption('--id <key>', '身份证号或统一社会信用代码 / ID number or credit code')
    .requiredOption('--tag <code>', '标签代码 / tag code')
    .action(
      defineAction(ctx, async (opts: { id: string; tag: string }) => {
        const catalogue = readTagCatalogue();
        const e = await withDb(ctx, program, (db) => explainTag(db, catalogue, opts.tag, opts.id));
        return {
          data: e,
          text: {
            tables: [
              { title: `${e.zh} ${e.en}: ${yesNo(e.result)} — ${e.rule}`, columns: ['条件 condition', '成立 held'], rows: e.conditions.map((c) => [c.text, yesNo(c.held)]) },
              { columns: ['事实 fact', '名称', 'value', '单位 unit'], rows: e.facts.map((f) => [f.code, f.zh, f.value, f.unit?.zh ?? '']) },
            ],
            lines: [`基准日 as of ${e.asOf}; 构建时 stored: ${yesNo(e.stored)}`],
          },
        };
      }),
    );
}

function parsePositive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new AppError('INPUT_INVALID', { zh: `${name} 应为正整数：${value}`, en: `${name} must be a positive integer: ${value}` });
  return n;
}
