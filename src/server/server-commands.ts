import type { Command } from 'commander';
import { defineAction, type CliContext } from '../cli/command-kit.ts';
import { buildApp } from './app.ts';

/** Starts the API and console and keeps running until the process is stopped. */
export async function startServer(ctx: CliContext, dbPath: string | undefined, host: string, port: number, demo: boolean): Promise<{ url: string }> {
  const db = await ctx.openDb(dbPath);
  const app = await buildApp({ config: ctx.config, db, clock: ctx.clock, demo });
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host}:${actualPort}/`;
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { url };
}

export function registerServerCommands(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('启动 API 与控制台 / serve the API and the console')
    .option('--host <host>', 'address to bind', ctx.config.host)
    .option('--port <port>', 'port', String(ctx.config.port))
    .action(defineAction(ctx, async (o: { host: string; port: string }, cmd: Command) => {
      const { url } = await startServer(ctx, cmd.optsWithGlobals().db, o.host, Number(o.port), false);
      return { data: { url }, text: { lines: [`控制台 console: ${url}`, '按 Ctrl+C 停止 / Ctrl+C to stop'] } };
    }));
}
