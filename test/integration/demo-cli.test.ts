import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

/** `demo` checks its city flags exactly as `generate` does, before generating or serving anything. */
describe('renshe demo flags', () => {
  it('refuses a city size or as-of date that generate would refuse, in Chinese and English', async () => {
    const persons = await runCli(['demo', '--persons', '12abc']);
    expect(persons.code).toBe(2);
    expect(persons.stderr + persons.stdout).toContain('--persons must be an integer from 1 to 50000000, got 12abc');
    const asOf = await runCli(['demo', '--as-of', '2026-13-45']);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr + asOf.stdout).toContain('--as-of 应为 YYYY-MM-DD 日期');
  }, 60_000);
});
