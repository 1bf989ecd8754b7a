import type { Command } from 'commander';
import { defineAction, withDb, type CliContext } from '../cli/command-kit.ts';
import { AppError } from '../platform/errors.ts';
import { recordAccess } from '../platform/audit-store.ts';
import { readTagCatalogue } from '../tags/tag-catalogue-store.ts';
import { readPersonProfile } from './person-profile-store.ts';
import { readEmployerProfile } from './employer-profile-store.ts';
import { maskPersonProfile } from './profile-mask.ts';

/** `renshe profile person --id ID [--unmask]` and `renshe profile employer --code CODE`. Person reads are audited. */
export function registerProfileCommands(program: Command, ctx: CliContext): void {
  const profile = program.command('profile').description('人员画像与单位画像 / person and employer profiles');

  profile
    .command('person')
    .description('人员画像（电子档案袋）/ a person’s profile and archive')
    .requiredOption('--id <idNumber>', '身份证号 / ID number')
    .option('--unmask', '显示完整身份信息（记入审计）/ show full identity (audited)', false)
    .action(
      defineAction(ctx, async (opts: { id: string; unmask: boolean }) => {
        return withDb(ctx, program, async (db) => {
          const p = await readPersonProfile(db, readTagCatalogue(), opts.id, ctx.clock);
          if (!p) throw new AppError('NOT_FOUND', { zh: `没有此人员。`, en: `No such person.` });
          await recordAccess(db, { username: 'cli', role: 'cli', client: 'local' }, { action: 'read', resource: 'person_profile', subject: opts.id, unmasked: opts.unmask, rowsReturned: 1 }, ctx.clock);
          const shown = maskPersonProfile(p, opts.unmask);
          return {
            data: shown,
            text: {
              tables: [
                { title: `${shown.person.name} ${shown.person.id_number} — as of ${shown.asOf}`, columns: ['标签 tag', '名称'], rows: shown.tags.map((t) => [t.code, t.zh]) },
                { title: '缴费 contributions', columns: ['年 year', '险种 scheme', '已缴 paid', '欠费 arrears', '断缴 gap', '金额 amount'], rows: shown.contributions.map((c) => [c.year, c.scheme, c.monthsPaid, c.monthsArrears, c.monthsGap, c.amountPaid]) },
                { title: '时间线 timeline', columns: ['日期 date', '事件 event'], rows: shown.timeline.map((e) => [e.date, `${e.zh} / ${e.en}`]) },
              ],
            },
          };
        });
      }),
    );

  profile
    .command('employer')
    .description('单位画像 / an employer’s profile')
    .requiredOption('--code <creditCode>', '统一社会信用代码 / credit code')
    .action(
      defineAction(ctx, async (opts: { code: string }) => {
        return withDb(ctx, program, async (db) => {
          const e = await readEmployerProfile(db, readTagCatalogue(), opts.code, ctx.clock);
          if (!e) throw new AppError('NOT_FOUND', { zh: `没有此单位 ${opts.code}。`, en: `No employer ${opts.code}.` });
          return {
            data: e,
            text: {
              tables: [
                { title: `${String(e.employer.name)} — as of ${e.asOf}`, columns: ['标签 tag', '名称'], rows: e.tags.map((t) => [t.code, t.zh]) },
                { title: '合规 compliance', columns: ['年 year', '应缴 due', '按时 on time', '逾期 late', '未缴 unpaid'], rows: e.compliance.map((c) => [c.year, c.due, c.on_time, c.late, c.unpaid]) },
              ],
              lines: [`欠费 arrears: ${e.arrears.amount} 元, ${e.arrears.persons} persons; 仲裁 disputes ${e.disputes.length}, 监察 inspections ${e.inspections.length}, 投诉 complaints ${e.complaints.length}, 岗位 vacancies ${e.vacancies.length}`],
            },
          };
        });
      }),
    );
}
