import { describe, expect, it } from 'vitest';
import { createPersonRefCodec } from './person-ref.ts';

describe('person refs', () => {
  it('round-trips, hides the ID and rejects tampering or another server key', () => {
    const codec = createPersonRefCodec();
    const ref = codec.encode('11010519491231002X');
    expect(ref).not.toContain('110105');
    expect(codec.decode(ref)).toBe('11010519491231002X');
    // Flip one bit of the sealed body (editing base64 text can touch only its padding bits and change nothing).
    const bytes = Buffer.from(ref, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(codec.decode(bytes.toString('base64url'))).toBeNull();
    expect(createPersonRefCodec().decode(ref)).toBeNull();
    expect(codec.decode('not-a-ref')).toBeNull();
  });
});
