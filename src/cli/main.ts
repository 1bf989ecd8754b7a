import { Command } from 'commander';
import { readConfig } from '../platform/config.ts';
import { systemClock } from '../platform/clock.ts';
import { openConfiguredDb, type CliContext } from './command-kit.ts';
import { ensureSchema } from '../platform/schema-store.ts';
import { registerIngestCommands } from '../ingest/ingest-commands.ts';
import { registerDemoCommands } from './demo-commands.ts';
import { registerServerCommands } from '../server/server-commands.ts';
import { registerAuthCommands } from '../auth/auth-commands.ts';
import { registerActuarialCommands } from '../actuarial/actuarial-commands.ts';
import { registerFactsCommands } from '../facts/facts-commands.ts';
import { registerTagsCommands } from '../tags/tags-commands.ts';
import { registerSegmentCommands } from '../segments/segments-commands.ts';
import { registerProfileCommands } from '../profiles/profiles-commands.ts';
import { registerForecastCommands } from '../forecast/forecast-commands.ts';
import { registerIndicatorCommands } from '../indicators/indicators-commands.ts';
import { registerAlertCommands } from '../alerts/alerts-commands.ts';
import { registerGenerateCommands } from '../generate/generate-commands.ts';
import { registerMacroCommands } from '../macro/macro-commands.ts';

/** The CLI composition root: reads config once, builds the context, lets each module register its commands. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('renshe')
    .description('人社大数据平台 renshe — HRSS big-data platform')
    .option('--json', 'print JSON instead of tables / 输出 JSON')
    .option('--db <file>', 'database file / 数据库文件')
    .showHelpAfterError();
  // Each capability adds its commands here, one line each.
  registerIngestCommands(program, ctx);
  registerDemoCommands(program, ctx);
  registerGenerateCommands(program, ctx);
  registerServerCommands(program, ctx);
  registerAuthCommands(program, ctx);
  registerActuarialCommands(program, ctx);
  registerFactsCommands(program, ctx);
  registerTagsCommands(program, ctx);
  registerSegmentCommands(program, ctx);
  registerProfileCommands(program, ctx);
  registerForecastCommands(program, ctx);
  registerIndicatorCommands(program, ctx);
  registerAlertCommands(program, ctx);
  registerMacroCommands(program, ctx);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const config = readConfig(process.env);
  // `--db` is global: whichever command runs, its database is the one named there.
  let globalDb: string | undefined;
  const ctx: CliContext = {
    config,
    clock: systemClock,
    interactive: Boolean(process.stderr.isTTY),
    write: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    openDb: async (path) => {
      const db = await openConfiguredDb(config, path ?? globalDb);
      await ensureSchema(db);
      return db;
    },
  };
  const program = buildProgram(ctx);
  program.hook('preAction', (_self, action) => {
    globalDb = action.optsWithGlobals().db;
  });
  await program.parseAsync(argv);
}
