// Key encodings and fingerprints shared by server, agent and console.
import nacl from 'tweetnacl';
import { fromBase64Url, toBase64Url, toHex } from './bytes.js';

export const PUBLIC_KEY_LENGTH = 32;

export function encodeKey(key: Uint8Array): string {
  return toBase64Url(key);
}

/** Decodes a base64url key of the expected length; null when it is anything else. */
export function decodeKey(text: string, length = PUBLIC_KEY_LENGTH): Uint8Array | null {
  const bytes = fromBase64Url(text);
  return bytes && bytes.length === length ? bytes : null;
}

/**
 * Short, human-comparable fingerprint of a public key: the first 10 bytes of its SHA-512,
 * in five groups of four hex digits. Shown on the PC and in the console so that a person can
 * compare them before approving a device.
 */
export function keyFingerprint(publicKey: Uint8Array): string {
  const hex = toHex(nacl.hash(publicKey).subarray(0, 10));
  return hex.match(/.{4}/g)!.join('-');
}
