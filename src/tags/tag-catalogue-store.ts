import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import { checkCatalogue, describeCatalogueProblems, type CatalogueResult, type TagCatalogue } from './tag-catalogue.ts';

export const defaultTagsDir = resolve(projectRoot, 'data/tags');

/** Reads and checks every `*.json` in the tag folder; problems are returned, not thrown. */
export function loadTagFiles(dir: string = defaultTagsDir): CatalogueResult {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (cause) {
    throw new AppError('FILE_UNREADABLE', { zh: `无法读取标签目录 ${dir}。`, en: `Cannot read the tag folder ${dir}.` }, { cause });
  }
  const files = names.map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    try {
      return { file, json: JSON.parse(text) as unknown };
    } catch (e) {
      return { file, json: { invalidJson: (e as Error).message } };
    }
  });
  return checkCatalogue(files);
}

/** The checked catalogue, or an AppError (RULE_INVALID) listing every problem by file, tag and position. */
export function readTagCatalogue(dir: string = defaultTagsDir): TagCatalogue {
  const result = loadTagFiles(dir);
  if (!result.ok) {
    const text = describeCatalogueProblems(result.problems);
    throw new AppError('RULE_INVALID', { zh: `标签目录有误：\n${text.zh}`, en: `The tag catalogue has problems:\n${text.en}` }, { details: result.problems });
  }
  return result.catalogue;
}
