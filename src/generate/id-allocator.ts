import type { Random } from '../platform/clock.ts';
import { makeCreditCode, CREDIT_CHARSET } from '../identity/credit-code.ts';
import { makeIdNumber } from '../identity/id-number.ts';
import { formatDay } from './calendar.ts';

/**
 * Hands out unique, valid ID numbers and credit codes. Sequence numbers 000–899 belong to the synthetic persons
 * (odd last digit for men, even for women); 900–989 to people outside the city (e.g. legal representatives
 * who are not residents); 990–999 are never given to anyone and are used for planted "unknown person"
 * references. Credit-code organisation bodies of real employers start with a digit or M; planted "unknown
 * employer" codes start with Y, so they can never collide.
 */
export class IdAllocator {
  private readonly regionIndex = new Map<string, number>();
  /** key: regionIndex × 80,000 + day offset → male count + female count × 1024 */
  private readonly counts = new Map<number, number>();
  private employerCounter = 0;

  personId(region6: string, birthDay: number, sex: '1' | '2'): string {
    let r = this.regionIndex.get(region6);
    if (r === undefined) {
      r = this.regionIndex.size;
      this.regionIndex.set(region6, r);
    }
    const key = r * 80_000 + (birthDay + 40_000);
    const packed = this.counts.get(key) ?? 0;
    const male = packed % 1024;
    const female = Math.floor(packed / 1024);
    const n = sex === '1' ? male : female;
    if (n >= 450) throw new Error(`ID sequence space exhausted for ${region6} ${formatDay(birthDay)}`);
    this.counts.set(key, sex === '1' ? packed + 1 : packed + 1024);
    const sequence = n * 2 + (sex === '1' ? 1 : 0);
    return makeIdNumber(region6, formatDay(birthDay), sequence);
  }

  /** A valid ID of someone who is not a synthetic resident (sequence 900–989). */
  outsiderId(rng: Random, region6: string, birthDay: number): string {
    return makeIdNumber(region6, formatDay(birthDay), rng.int(900, 989));
  }

  /** A valid ID that belongs to no one (sequence 990–999), for planted unknown-person references. */
  unknownPersonId(rng: Random, region6: string, birthDay: number): string {
    return makeIdNumber(region6, formatDay(birthDay), rng.int(990, 999));
  }

  /** A new, unique, valid credit code registered in region6. */
  employerCode(region6: string, individual: boolean): string {
    const n = this.employerCounter++;
    let body = '';
    let v = n;
    for (let i = 0; i < 6; i++) {
      body = CREDIT_CHARSET[v % 31] + body;
      v = Math.floor(v / 31);
    }
    // 92 = individual business (registration dept 9, type 2); 91 = enterprise.
    return makeCreditCode('9', individual ? '2' : '1', region6, `MA${body}`);
  }

  unknownEmployerCode(rng: Random, region6: string): string {
    let body = 'Y';
    for (let i = 0; i < 7; i++) body += CREDIT_CHARSET[rng.int(0, 30)];
    return makeCreditCode('9', '1', region6, body);
  }
}
