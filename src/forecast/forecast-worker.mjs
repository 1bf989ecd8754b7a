// Worker bootstrap: registers tsx in this thread so the TypeScript worker runs as it is, whatever loader the
// parent uses (the CLI, vitest or a bench script).
import { register } from 'tsx/esm/api';

register();
await import('./forecast-worker.ts');
