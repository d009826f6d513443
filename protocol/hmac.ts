// HMAC-SHA512 (RFC 2104) built on tweetnacl's SHA-512, so key derivation needs no Node crypto.
import nacl from 'tweetnacl';
import { concatBytes } from './bytes.js';

const BLOCK_SIZE = 128;

export function hmacSha512(key: Uint8Array, message: Uint8Array): Uint8Array {
  const blockKey = new Uint8Array(BLOCK_SIZE);
  blockKey.set(key.length > BLOCK_SIZE ? nacl.hash(key) : key);
  const inner = new Uint8Array(BLOCK_SIZE);
  const outer = new Uint8Array(BLOCK_SIZE);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    inner[i] = blockKey[i]! ^ 0x36;
    outer[i] = blockKey[i]! ^ 0x5c;
  }
  return nacl.hash(concatBytes(outer, nacl.hash(concatBytes(inner, message))));
}
