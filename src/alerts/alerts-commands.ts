import type { Command } from 'commander';
import { defineAction, withDb, type CliContext } from '../cli/command-kit.ts';
import { AppError } from '../platform/errors.ts';
import { loadAlertRules } from './alert-rules-store.ts';
import { alertLevels, levelNames, type AlertLevel } from './alert-rules.ts';
import { acknowledgeAlert, listAlerts, runAlerts, type StoredAlert } from './alert-store.ts';

function levelOf(text: string | undefined): AlertLevel | undefined {
  if (text === undefined) return undefined;
  const found = alertLevels.find((l) => l === text || levelNames[l].zh === text);
  if (found) return found;
  throw new AppError('INPUT_INVALID', { zh: `预警级别应为 蓝/黄/橙/红（blue/yellow/orange/red），收到「${text}」。`, en: `Level must be blue, yellow, orange or red; got "${text}".` });
}

const alertRow = (a: StoredAlert) => [a.id, `${levelNames[a.level].zh} ${a.level}`, a.region, a.regionName, a.period, a.ruleId, a.ackedBy ? `✓ ${a.ackedBy}` : '', a.messageZh];

/** `renshe alerts run | list | ack ID`. */
export function registerAlertCommands(program: Command, ctx: CliContext): void {
  const alerts = program.command('alerts').description('预测预警 / early warning');

  alerts
    .command('run')
    .description('按 data/policy/alerts 中的规则检查全部指标 / evaluate every rule over the indicators')
    .action(
      defineAction(ctx, async () => {
        const rules = loadAlertRules(ctx.config.policyDir);
        return withDb(ctx, program, async (db) => {
          const r = await runAlerts(db, ctx.clock, rules);
          const lines = [
            `规则 ${r.rules} 条，预警 ${r.findings} 条：红 ${r.byLevel.red}、橙 ${r.byLevel.orange}、黄 ${r.byLevel.yellow}、蓝 ${r.byLevel.blue}。`,
            `${r.rules} rules, ${r.findings} alerts: red ${r.byLevel.red}, orange ${r.byLevel.orange}, yellow ${r.byLevel.yellow}, blue ${r.byLevel.blue}.`,
            ...r.problems.map((p) => `规则 ${p.ruleId} 在 ${p.region} 无法评估 / could not be evaluated: ${p.zh} / ${p.en}`),
          ];
          return { data: r, text: { lines } };
        });
      }),
    );

  alerts
    .command('list')
    .description('列出预警（红色在前）/ list alerts, red first')
    .option('--level <level>', '级别 / level: blue|yellow|orange|red')
    .option('--region <code>', '地区 / region')
    .option('--open', '仅未确认 / unacknowledged only')
    .option('--limit <n>', '最多条数 / at most', '200')
    .action(
      defineAction(ctx, async (opts: { level?: string; region?: string; open?: boolean; limit: string }) => {
        return withDb(ctx, program, async (db) => {
          const list = await listAlerts(db, { level: levelOf(opts.level), region: opts.region, openOnly: Boolean(opts.open), limit: Number(opts.limit) || 200 });
          return { data: list, text: { tables: [{ title: '预警 Alerts', columns: ['编号 id', '级别 level', '地区 region', '名称 name', '期间 period', '规则 rule', '确认 ack', '说明'], rows: list.map(alertRow) }] } };
        });
      }),
    );

  alerts
    .command('ack <id>')
    .description('确认一条预警 / acknowledge an alert')
    .requiredOption('--by <name>', '确认人 / who acknowledges')
    .option('--note <text>', '处置说明 / what is being done')
    .action(
      defineAction(ctx, async (id: string, opts: { by: string; note?: string }) => {
        const n = Number(id);
        if (!Number.isInteger(n) || n < 1) throw new AppError('INPUT_INVALID', { zh: `预警编号「${id}」无效。`, en: `Alert id "${id}" is invalid.` });
        return withDb(ctx, program, async (db) => {
          const a = await acknowledgeAlert(db, ctx.clock, n, opts.by, opts.note ?? null);
          return { data: a, text: { lines: [`预警 ${a.id} 已由 ${a.ackedBy} 确认。`, `Alert ${a.id} acknowledged by ${a.ackedBy}.`] } };
        });
      }),
    );
}
