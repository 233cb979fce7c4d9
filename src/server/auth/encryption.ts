import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Data encrypted at rest with AES-256-GCM under the configuration's encryption key (never in the database): a
 * random 12-byte IV per value, the 16-byte authentication tag kept with it. The context (for example the owner's
 * id) is authenticated too, so a value copied onto another row does not decrypt.
 * Stored as `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
const FORMAT = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {}

export function encryptText(key: Buffer, plaintext: string, context: string): string {
  if (key.length !== 32) throw new Error('The encryption key must be 32 bytes.');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptText(key: Buffer, stored: string, context: string): string {
  const [format, iv, tag, ciphertext] = stored.split('.');
  if (format !== FORMAT || !iv || !tag || ciphertext === undefined) {
    throw new DecryptionError('Unknown format of an encrypted value.');
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // A wrong key (VIGIE_ENCRYPTION_KEY changed or lost), or a value altered in the database.
    throw new DecryptionError('An encrypted value could not be decrypted: was the encryption key changed?');
  }
}
