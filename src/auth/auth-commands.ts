import type { Command } from 'commander';
import { defineAction, withDb, type CliContext } from '../cli/command-kit.ts';
import { AppError } from '../platform/errors.ts';
import { issueToken, listUsers, upsertUser } from './auth-store.ts';
import { isRole, roles } from './roles.ts';

export function registerAuthCommands(program: Command, ctx: CliContext): void {
  const users = program.command('users').description('用户与令牌 / users and API tokens');

  users.command('add')
    .requiredOption('--username <name>')
    .requiredOption('--role <role>', Object.keys(roles).join('|'))
    .option('--password <password>')
    .option('--regions <codes>', 'comma-separated region codes this user is limited to')
    .action(defineAction(ctx, async (o: { username: string; role: string; password?: string; regions?: string }, cmd: Command) => {
      if (!isRole(o.role)) throw new AppError('INPUT_INVALID', { zh: `未知角色 ${o.role}`, en: `Unknown role ${o.role}; use one of ${Object.keys(roles).join(', ')}` });
      const role = o.role; // keeps the narrowing from isRole inside the callback
      return withDb(ctx, cmd, async (db) => {
        await upsertUser(db, { username: o.username, role, password: o.password, regions: o.regions?.split(',') }, ctx.clock);
        return { data: { username: o.username, role }, text: { lines: [`已保存用户 saved user ${o.username} (${role})`] } };
      });
    }));

  users.command('list').action(defineAction(ctx, async (_o: unknown, cmd: Command) => {
    return withDb(ctx, cmd, async (db) => {
      const rows = await listUsers(db);
      return { data: rows, text: { tables: [{ columns: ['username', 'role', 'regions'], rows: rows.map((u) => [u.username, u.role, u.regions.join(',')]) }] } };
    });
  }));

  users.command('token')
    .requiredOption('--username <name>')
    .option('--hours <h>', 'lifetime in hours; omit for no expiry')
    .option('--label <text>', 'what the token is for', 'api')
    .action(defineAction(ctx, async (o: { username: string; hours?: string; label: string }, cmd: Command) => {
      return withDb(ctx, cmd, async (db) => {
        const t = await issueToken(db, o.username, o.label, ctx.clock, o.hours ? Number(o.hours) : null);
        return { data: t, text: { lines: [`令牌 token (只显示一次 shown once): ${t.token}`, `有效期至 expires: ${t.expiresAt}`] } };
      });
    }));
}
