/** Writes docs/data-model.md from the canonical model (npx tsx scripts/gen-data-model-doc.ts). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { entities } from '../src/model/entities.ts';
import { codeLists } from '../src/model/code-lists.ts';
import { renderDataModelDoc } from '../src/reference/data-model-doc.ts';

const target = resolve(new URL('..', import.meta.url).pathname, 'docs/data-model.md');
const text = renderDataModelDoc(entities, codeLists);
writeFileSync(target, text);
console.log(`wrote ${target} (${entities.length} tables, ${Object.keys(codeLists).length} code lists, ${text.split('\n').length} lines)`);
