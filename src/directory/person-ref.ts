import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * An opaque handle for a person in a masked list, so a masked search result can be opened without the client
 * ever holding the ID number. AES-256-GCM under a key that lives only in the server process: refs stop working
 * when the server restarts, which is what a handle to personal data should do.
 */
export interface PersonRefCodec {
  encode(idNumber: string): string;
  decode(ref: string): string | null;
}

export function createPersonRefCodec(key: Buffer = randomBytes(32)): PersonRefCodec {
  return {
    encode(idNumber) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    decode(ref) {
      try {
        const raw = Buffer.from(ref, 'base64url');
        if (raw.length < 29) return null;
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
