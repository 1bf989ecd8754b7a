import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderFactsDoc } from './facts-doc.ts';
import { factCatalogue } from './fact-catalogue.ts';

describe('fact catalogue documentation', () => {
  it('docs/facts.md is up to date (regenerate with `renshe facts doc`)', () => {
    const onDisk = readFileSync(new URL('../../docs/facts.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderFactsDoc());
  });

  it('documents every fact with both names, a definition, and distinct identifier-safe codes', () => {
    for (const subject of ['person', 'employer'] as const) {
      const codes = factCatalogue[subject].map((f) => f.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const f of factCatalogue[subject]) {
        expect(f.code).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(f.code.startsWith('tag_')).toBe(false);
        expect(f.zh.length * f.en.length * f.definition.zh.length * f.definition.en.length).toBeGreaterThan(0);
        if (f.type === 'code') expect(f.codes?.length).toBeGreaterThan(0);
      }
    }
  });
});
