import { codeLists, type Code, type CodeListName } from '@model/code-lists.ts';
import { entities } from '@model/entities.ts';
import { t } from './i18n.ts';

/** A code's label in the console language (`110` → 企业职工基本养老保险); unknown codes show as they are. */
export function codeLabel(list: CodeListName, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '–';
  const found = (codeLists[list] as Code[]).find((c) => c.code === code);
  return found ? t(found.zh, found.en) : code;
}

export function codesOf(list: CodeListName): Code[] {
  return codeLists[list] as Code[];
}

/** An entity's name (`person` → 人员基本信息 / persons). */
export function entityLabel(name: string | null | undefined): string {
  if (!name) return '–';
  const found = entities.find((e) => e.name === name);
  return found ? t(found.zh, found.en) : name;
}

/** A field's name within an entity, for quarantine messages and raw-row display. */
export function fieldLabel(entity: string, field: string | null | undefined): string {
  if (!field) return '–';
  const found = entities.find((e) => e.name === entity)?.fields.find((f) => f.name === field);
  return found ? t(found.zh, found.en) : field;
}

/**
 * A region's name in the console language: the English name when the server sends one (null on databases loaded
 * before English names existed), else the Chinese name, else the code.
 */
export function regionLabel(code: string | null | undefined, zh: string | null | undefined, en?: string | null): string {
  const fallback = zh ?? code ?? '–';
  return t(fallback, en ?? fallback);
}

export function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return value ? t('是', 'yes') : t('否', 'no');
}

/** Whether a source header (as the export spelled it) is the canonical field a problem points at. */
export function headerIsField(entity: string, field: string | null | undefined, header: string): boolean {
  if (!field) return false;
  if (header === field) return true;
  const def = entities.find((e) => e.name === entity)?.fields.find((f) => f.name === field);
  return Boolean(def && (def.zh === header || def.aliases?.includes(header)));
}
