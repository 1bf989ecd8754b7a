import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { entities } from '../../src/model/entities.ts';
import { codeLists } from '../../src/model/code-lists.ts';
import { renderDataModelDoc } from '../../src/reference/data-model-doc.ts';

const docPath = resolve(new URL('../..', import.meta.url).pathname, 'docs/data-model.md');

describe('docs/data-model.md', () => {
  it('is up to date with src/model (regenerate: npx tsx scripts/gen-data-model-doc.ts)', () => {
    const committed = readFileSync(docPath, 'utf8');
    const fresh = renderDataModelDoc(entities, codeLists);
    if (committed !== fresh) {
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const i = a.findIndex((line, k) => line !== b[k]);
      throw new Error(`docs/data-model.md is out of date at line ${i + 1}; run npx tsx scripts/gen-data-model-doc.ts\n` +
        `committed: ${a[i]}\nexpected:  ${b[i]}`);
    }
  });

  it('documents every table and field with both names, and every code list', () => {
    const doc = renderDataModelDoc(entities, codeLists);
    for (const e of entities) {
      expect(doc).toContain(`\`${e.table}\``);
      for (const f of e.fields) expect(doc).toContain(`| \`${f.name}\` | ${f.zh} | ${f.en.replace(/\|/g, '\\|')} |`);
    }
    for (const list of Object.keys(codeLists)) expect(doc).toContain(`code-list-${list.replace(/_/g, '-')}`);
    expect(doc).toContain('身份证号 ID number');
  });
});
