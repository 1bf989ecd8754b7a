import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import iconv from 'iconv-lite';
import { AppError } from '../platform/errors.ts';

/**
 * File I/O of the batch command. Bureau exports are often GB18030 rather than UTF-8, so a file that is not
 * valid UTF-8 is decoded as GB18030.
 */
export function readSeriesFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new AppError(
      'FILE_UNREADABLE',
      { zh: `无法读取输入文件 ${path}：请检查路径和权限。`, en: `Cannot read input file ${path}: check the path and permissions.` },
      { cause },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

export function writeForecastFile(path: string, lines: readonly string[]): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, lines.join('\n') + '\n', 'utf8');
  } catch (cause) {
    throw new AppError(
      'FILE_UNREADABLE',
      { zh: `无法写入输出文件 ${path}：请检查目录是否存在且可写。`, en: `Cannot write output file ${path}: check that the folder exists and is writable.` },
      { cause },
    );
  }
}
