/**
 * The whitespace that bureau exports put around codes: ASCII blanks, no-break space and the ideographic
 * space (U+3000) typed with a Chinese IME. The SQL macros trim exactly the same set, so TS and SQL agree.
 */
export const TRIM_CHARS = ' \t\r\n\u00a0\u3000';

const edges = /^[ \t\r\n\u00a0\u3000]+|[ \t\r\n\u00a0\u3000]+$/g;

export function trimCode(raw: string): string {
  return raw.replace(edges, '');
}
