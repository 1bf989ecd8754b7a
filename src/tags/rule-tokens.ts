import { problemAt, spanAt, type RuleProblem, type Span } from './rule-problem.ts';

export type TokenKind = 'ident' | 'tag' | 'number' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'plus' | 'minus' | 'eof';

export interface Token {
  kind: TokenKind;
  /** For idents: lower-cased; for strings: the unquoted value; for numbers and operators: the text. */
  value: string;
  span: Span;
}

export const MAX_RULE_LENGTH = 4000;

const identStart = /[A-Za-z_]/;
const identPart = /[A-Za-z0-9_]/;
const digit = /[0-9]/;

/** Characters people paste by accident, with what they probably meant. */
const lookalikes: Record<string, string> = {
  '（': '(', '）': ')', '，': ',', '＝': '=', '＜': '<', '＞': '>', '‘': "'", '’': "'", '“': "'", '”': "'", '\u3000': ' ', '\u00a0': ' ',
};

export type TokenResult = { ok: true; tokens: Token[] } | { ok: false; problems: RuleProblem[] };

/**
 * Splits rule text into tokens. Anything outside the small alphabet of the language (semicolons, comments,
 * backslashes, double quotes, non-ASCII outside string literals) is refused here, before parsing.
 */
export function tokenize(text: string): TokenResult {
  if (text.length > MAX_RULE_LENGTH) {
    return { ok: false, problems: [problemAt('RULE_TOO_LONG', { line: 1, column: 1 }, `规则过长（${text.length} 个字符，最多 ${MAX_RULE_LENGTH}）。`, `the rule is too long (${text.length} characters, at most ${MAX_RULE_LENGTH}).`)] };
  }
  const tokens: Token[] = [];
  let i = 0;
  const fail = (start: number, zh: string, en: string): TokenResult => ({ ok: false, problems: [problemAt('RULE_SYNTAX', spanAt(text, start, start + 1), zh, en)] });
  while (i < text.length) {
    const ch = text[i];
    const start = i;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i += 1;
      continue;
    }
    if ((ch === '-' && text[i + 1] === '-') || (ch === '/' && text[i + 1] === '*')) {
      return fail(start, '规则中不允许注释（-- 或 /*）。', 'comments (-- or /*) are not allowed in a rule.');
    }
    if (identStart.test(ch)) {
      while (i < text.length && identPart.test(text[i])) i += 1;
      const word = text.slice(start, i);
      if (word.toLowerCase() === 'tag' && text[i] === ':') {
        const nameStart = i + 1;
        let j = nameStart;
        while (j < text.length && identPart.test(text[j])) j += 1;
        if (j === nameStart || !identStart.test(text[nameStart])) return fail(i, '“tag:” 后应为标签代码，如 tag:mobile_worker。', '"tag:" must be followed by a tag code, e.g. tag:mobile_worker.');
        tokens.push({ kind: 'tag', value: text.slice(nameStart, j).toLowerCase(), span: spanAt(text, start, j) });
        i = j;
        continue;
      }
      tokens.push({ kind: 'ident', value: word.toLowerCase(), span: spanAt(text, start, i) });
      continue;
    }
    if (digit.test(ch)) {
      while (i < text.length && digit.test(text[i])) i += 1;
      if (text[i] === '.' && digit.test(text[i + 1] ?? '')) {
        i += 1;
        while (i < text.length && digit.test(text[i])) i += 1;
      }
      if (i < text.length && identStart.test(text[i])) return fail(i, `数字后紧跟字母“${text[i]}”，请在两者之间加空格。`, `a letter "${text[i]}" follows a number; separate them with a space.`);
      tokens.push({ kind: 'number', value: text.slice(start, i), span: spanAt(text, start, i) });
      continue;
    }
    if (ch === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) return fail(start, '字符串缺少结束的单引号。', 'the string has no closing single quote.');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += text[i];
        i += 1;
      }
      tokens.push({ kind: 'string', value, span: spanAt(text, start, i) });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=' || two === '<>') {
      tokens.push({ kind: 'op', value: two === '<>' ? '!=' : two, span: spanAt(text, start, i + 2) });
      i += 2;
      continue;
    }
    const single: Record<string, TokenKind> = { '=': 'op', '<': 'op', '>': 'op', '(': 'lparen', ')': 'rparen', ',': 'comma', '+': 'plus', '-': 'minus' };
    if (single[ch]) {
      tokens.push({ kind: single[ch], value: ch, span: spanAt(text, start, i + 1) });
      i += 1;
      continue;
    }
    if (ch === '"') return fail(start, '字符串请使用单引号，如 \'510104\'。', "use single quotes for strings, e.g. '510104'.");
    const point = text.codePointAt(i)!;
    const shown = String.fromCodePoint(point);
    const hint = lookalikes[shown];
    const code = `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
    if (hint) return fail(start, `不允许的字符“${shown}”（${code}），是否应为半角“${hint}”？`, `character "${shown}" (${code}) is not allowed; did you mean the ASCII "${hint}"?`);
    return fail(start, `不允许的字符“${shown}”（${code}）。`, `character "${shown}" (${code}) is not allowed here.`);
  }
  tokens.push({ kind: 'eof', value: '', span: spanAt(text, text.length, text.length) });
  return { ok: true, tokens };
}
