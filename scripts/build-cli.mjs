// Bundles the CLI (and the forecast worker) into dist/cli/ with esbuild, so `renshe` starts without compiling
// TypeScript on every run. bin/renshe.mjs uses the bundle only while it is newer than every file under src/.
// Usage: node scripts/build-cli.mjs [outdir]   (default dist/cli; keep outdir two levels below the project root)
import { build } from 'esbuild';

const shared = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: 'linked', logLevel: 'warning' };
await build({ ...shared, entryPoints: { main: 'src/cli/main.ts', 'forecast-worker': 'src/forecast/forecast-worker.ts' }, outdir: process.argv[2] ?? 'dist/cli', outExtension: { '.js': '.mjs' } });
