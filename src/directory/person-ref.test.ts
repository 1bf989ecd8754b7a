import { describe, expect, it } from 'vitest';
import { createPersonRefCodec } from './person-ref.ts';

describe('person refs', () => {
  it('round-trips, hides the ID and rejects tampering or another server key', () => {
    const codec = createPersonRefCodec();
    const ref = codec.encode('11010519491231002X');
    expect(ref).not.toContain('110105');
    expect(codec.decode(ref)).toBe('11010519491231002X');
    const tampered = ref.slice(0, -2) + (ref.endsWith('A') ? 'BB' : 'AA');
    expect(codec.decode(tampered)).toBeNull();
    expect(createPersonRefCodec().decode(ref)).toBeNull();
    expect(codec.decode('not-a-ref')).toBeNull();
  });
});
