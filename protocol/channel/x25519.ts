// The X25519 operations the handshake needs, behind one small interface: tweetnacl by default
// (works everywhere, including the browser), and a faster native one the server can plug in.
import nacl from 'tweetnacl';

export interface X25519 {
  keyPair(): { publicKey: Uint8Array; secretKey: Uint8Array };
  /** nacl.box.before: the HSalsa20-hashed shared key of a public and a secret key. */
  before(publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array;
}

export const naclX25519: X25519 = {
  keyPair: () => nacl.box.keyPair(),
  before: (publicKey, secretKey) => nacl.box.before(publicKey, secretKey),
};

// tweetnacl ships crypto_core_hsalsa20 in `lowlevel` but its type declarations leave it out.
interface NaclLowLevel {
  crypto_core_hsalsa20(out: Uint8Array, nonce: Uint8Array, key: Uint8Array, sigma: Uint8Array): void;
}
const { lowlevel } = nacl as typeof nacl & { lowlevel: NaclLowLevel };
const SIGMA = new TextEncoder().encode('expand 32-byte k');
const ZERO_NONCE = new Uint8Array(16);

/** Turns a raw X25519 shared secret into what nacl.box.before returns, for native back ends. */
export function hashSharedSecret(shared: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  lowlevel.crypto_core_hsalsa20(out, ZERO_NONCE, shared, SIGMA);
  return out;
}
