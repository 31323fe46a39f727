/**
 * Record ids are minted offline on any replica, so they must be random rather than
 * sequential. 16 characters of a 64-letter alphabet give 96 bits: collisions are not a
 * practical concern, and the result also fits the relay's workspace-id rule
 * (8-64 characters of [A-Za-z0-9_-]).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

export const ID_LENGTH = 16;

export function newId(): string {
  const bytes = new Uint8Array(ID_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  // 256 is a multiple of 64, so masking keeps every letter equally likely.
  for (const b of bytes) id += ALPHABET[b & 63];
  return id;
}
