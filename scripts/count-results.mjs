// Prints CI's plain closing line from Vitest's JSON report; a failed typecheck or build counts as one failure.
import { readFileSync, existsSync } from 'node:fs';

const [file, priorStatus] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.testResults ?? []).filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else {
  failed = 1;
}
const stepFailed = priorStatus !== '0' && failed === 0 ? 1 : 0;
console.log(`${passed} passed, ${failed + stepFailed} failed, ${skipped} skipped`);
process.exit(failed + stepFailed > 0 ? 1 : 0);
