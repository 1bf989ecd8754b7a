/**
 * Mainland mobile numbers: 11 digits 1[3-9]xxxxxxxxx. Tolerates a +86 / 86 / 0086 prefix and blanks or hyphens
 * anywhere (138-1234-5678, +86 138 1234 5678). The SQL macro renshe_mobile_normalise uses the same patterns.
 */
const SEPARATORS = /[ \t\r\n\u00a0\u3000-]/g;
const MOBILE = /^(?:\+?86|0086)?(1[3-9]\d{9})$/;

export function normaliseMobile(raw: string): string | null {
  const m = MOBILE.exec(raw.replace(SEPARATORS, ''));
  return m ? m[1] : null;
}

export function isMobileNumber(raw: string): boolean {
  return normaliseMobile(raw) !== null;
}
