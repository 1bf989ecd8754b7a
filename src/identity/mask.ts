/**
 * Display masking for personal data (查询脱敏). Rules, chosen once:
 * - ID number: keep the first 6 (region) and last 4 characters: 110105********002X.
 * - Name: keep the first character, one '*' per remaining character: 张三 → 张*, 欧阳修 → 欧**. A one-character
 *   name becomes '*' so that the whole name is never shown.
 * - Mobile: keep the first 3 and last 4: 138****5678.
 * - Credit code: not masked; employers are not personal data.
 */
function stars(n: number): string {
  return '*'.repeat(Math.max(0, n));
}

export function maskIdNumber(id: string): string {
  if (id.length <= 10) return stars(id.length);
  return id.slice(0, 6) + stars(id.length - 10) + id.slice(-4);
}

export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return stars(chars.length);
  return chars[0] + stars(chars.length - 1);
}

export function maskPhone(phone: string): string {
  if (phone.length < 8) return stars(phone.length);
  return phone.slice(0, 3) + stars(phone.length - 7) + phone.slice(-4);
}

/** Deliberately the identity: callers mask field by field and this keeps the employer code column readable. */
export function maskCreditCode(code: string): string {
  return code;
}
