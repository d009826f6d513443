import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { naclX25519 } from '../../protocol/channel/x25519.js';
import { nativeX25519 } from '../../server/crypto/native-x25519.js';

describe("the server's native X25519", () => {
  it('agrees with tweetnacl on shared keys, both ways, for random key pairs', () => {
    for (let i = 0; i < 50; i++) {
      const a = nacl.box.keyPair();
      const b = nativeX25519.keyPair();
      expect(nacl.scalarMult.base(b.secretKey)).toEqual(b.publicKey);
      expect(nativeX25519.before(a.publicKey, b.secretKey)).toEqual(naclX25519.before(a.publicKey, b.secretKey));
      expect(nativeX25519.before(b.publicKey, a.secretKey)).toEqual(nacl.box.before(b.publicKey, a.secretKey));
    }
  });
});
