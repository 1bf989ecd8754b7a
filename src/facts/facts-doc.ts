import { factCatalogue } from './fact-catalogue.ts';
import { factCategoryNames, type FactDef } from './fact-types.ts';

const escape = (s: string) => s.replaceAll('|', '\\|');

function row(f: FactDef): string {
  const unit = f.unit ? `${f.unit.zh} / ${f.unit.en}` : '';
  const codes = f.codes ? `<br>${f.codes.map((c) => `\`${c.code}\` ${c.zh}`).join(', ')}` : '';
  return `| \`${f.code}\` | ${escape(f.zh)}<br>${escape(f.en)} | ${f.type} | ${unit} | ${escape(f.definition.zh)}<br>${escape(f.definition.en)}${escape(codes)} |`;
}

/** `docs/facts.md`, generated from the catalogue (`renshe facts doc`); a test fails when the file is stale. */
export function renderFactsDoc(): string {
  const out: string[] = [
    '# 事实目录 Fact catalogue',
    '',
    '<!-- Generated from src/facts/ by `renshe facts doc`; do not edit by hand. -->',
    '',
    '事实按基准日（as-of date）计算，存于 `person_fact` 与 `employer_fact` 表，每个主体一行。标签规则只能引用这里列出的事实。',
    'Facts are computed as of a date into `person_fact` and `employer_fact`, one row per subject. Tag rules can refer',
    'to these names only. "Last N months" means the N contribution months ending with the as-of month; date windows',
    'such as "last 12 months" run from the as-of date minus 12 months (exclusive) to the as-of date (inclusive).',
    '',
  ];
  for (const subject of ['person', 'employer'] as const) {
    out.push(subject === 'person' ? '## 人员事实 Person facts (`person_fact`, key `id_number`)' : '## 单位事实 Employer facts (`employer_fact`, key `credit_code`)', '');
    const categories = [...new Set(factCatalogue[subject].map((f) => f.category))];
    for (const category of categories) {
      const name = factCategoryNames[category];
      out.push(`### ${name.zh} ${name.en}`, '', '| code | 名称 name | type | 单位 unit | 定义 definition |', '| --- | --- | --- | --- | --- |');
      for (const f of factCatalogue[subject].filter((x) => x.category === category)) out.push(row(f));
      out.push('');
    }
  }
  return out.join('\n');
}
