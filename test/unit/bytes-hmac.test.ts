import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bytesEqual,
  concatBytes,
  fromBase64Url,
  toBase64Url,
  toHex,
  utf8Decode,
  utf8Encode,
} from '../../protocol/bytes.js';
import { hmacSha512 } from '../../protocol/hmac.js';
import { decodeKey, encodeKey, keyFingerprint } from '../../protocol/keys.js';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const nodeHmac = (key: Uint8Array, data: Uint8Array) => createHmac('sha512', key).update(data).digest('hex');

describe('hmacSha512', () => {
  // RFC 4231 §4.2 (test case 1), §4.3 (test case 2) and §4.7 (test case 6, key longer than a block).
  const vectors = [
    {
      name: 'RFC 4231 test case 1',
      key: new Uint8Array(20).fill(0x0b),
      data: utf8Encode('Hi There'),
      mac:
        '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde' +
        'daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854',
    },
    {
      name: 'RFC 4231 test case 2',
      key: utf8Encode('Jefe'),
      data: utf8Encode('what do ya want for nothing?'),
      mac:
        '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554' +
        '9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
    },
    {
      name: 'RFC 4231 test case 6',
      key: new Uint8Array(131).fill(0xaa),
      data: utf8Encode('Test Using Larger Than Block-Size Key - Hash Key First'),
      mac:
        '80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352' +
        '6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598',
    },
  ];

  for (const vector of vectors) {
    it(`matches ${vector.name} and node:crypto`, () => {
      const mac = hmacSha512(vector.key, vector.data);
      expect(mac.length).toBe(64);
      expect(toHex(mac)).toBe(vector.mac);
      expect(nodeHmac(vector.key, vector.data)).toBe(vector.mac);
    });
  }

  it('agrees with node:crypto for keys around the block size (0..300 bytes) and random data', () => {
    for (const keyLength of [0, 1, 63, 64, 65, 127, 128, 129, 200, 300]) {
      const key = new Uint8Array(randomBytes(keyLength));
      const data = new Uint8Array(randomBytes(keyLength % 97));
      expect(toHex(hmacSha512(key, data))).toBe(nodeHmac(key, data));
    }
  });
});

describe('base64url', () => {
  it('round-trips random byte strings of every length 0..100 and matches Buffer base64url', () => {
    for (let length = 0; length <= 100; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      const back = fromBase64Url(text);
      expect(back).not.toBeNull();
      expect(Array.from(back!)).toEqual(Array.from(bytes));
    }
  });

  it('accepts padding and the standard alphabet', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xfe, 0x01]);
    const standard = Buffer.from(bytes).toString('base64');
    expect(standard).toContain('/');
    expect(standard.endsWith('==')).toBe(true);
    expect(Array.from(fromBase64Url(standard)!)).toEqual(Array.from(bytes));
  });

  it('returns null for invalid input instead of throwing', () => {
    for (const bad of ['A', 'AAAAA', 'AB!C', 'ab c', 'AA=A', 'Zm9\n', 'éAAA', '\u0000AAA', 'AAA.']) {
      expect(fromBase64Url(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('decodes the empty string to zero bytes', () => {
    expect(fromBase64Url('')?.length).toBe(0);
  });
});

describe('utf8', () => {
  it('round-trips text including non-ASCII characters', () => {
    const text = 'Grüße, 世界 😀';
    expect(utf8Decode(utf8Encode(text))).toBe(text);
    expect(Buffer.from(utf8Encode(text)).toString('utf8')).toBe(text);
  });

  it('returns null for invalid UTF-8 instead of throwing', () => {
    const invalid = [
      [0xff],
      [0xc3], // truncated 2-byte sequence
      [0xc0, 0xaf], // overlong encoding of '/'
      [0xed, 0xa0, 0x80], // UTF-16 surrogate
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0x61, 0x80, 0x62], // stray continuation byte
    ];
    for (const bytes of invalid) expect(utf8Decode(Uint8Array.from(bytes)), String(bytes)).toBeNull();
  });

  it('round-trips text that starts with a byte-order mark', () => {
    const text = '\uFEFFWrite-Host "hi"';
    expect(Buffer.from(utf8Encode(text)).toString('utf8')).toBe(text);
    expect(utf8Decode(utf8Encode(text))).toBe(text);
  });
});

describe('byte helpers', () => {
  it('concatBytes joins parts in order, including empty ones', () => {
    const joined = concatBytes(Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3));
    expect(Array.from(joined)).toEqual([1, 2, 3]);
    expect(concatBytes().length).toBe(0);
  });

  it('bytesEqual compares content and length', () => {
    expect(bytesEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3))).toBe(false);
    expect(bytesEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  it('toHex matches Buffer hex', () => {
    const bytes = new Uint8Array(randomBytes(40));
    expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
    expect(toHex(hex('00ff10'))).toBe('00ff10');
  });
});

describe('keys', () => {
  it('encodeKey/decodeKey round-trip a 32-byte key', () => {
    const key = new Uint8Array(randomBytes(32));
    expect(Array.from(decodeKey(encodeKey(key))!)).toEqual(Array.from(key));
  });

  it('decodeKey returns null for wrong lengths and invalid text', () => {
    expect(decodeKey(encodeKey(new Uint8Array(31)))).toBeNull();
    expect(decodeKey(encodeKey(new Uint8Array(33)))).toBeNull();
    expect(decodeKey('not a key!')).toBeNull();
    expect(decodeKey('')).toBeNull();
    expect(decodeKey(encodeKey(new Uint8Array(64)), 64)?.length).toBe(64);
  });

  it('keyFingerprint is five groups of four hex digits, stable and key-specific', () => {
    const a = new Uint8Array(randomBytes(32));
    const b = new Uint8Array(randomBytes(32));
    expect(keyFingerprint(a)).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){4}$/);
    expect(keyFingerprint(a)).toBe(keyFingerprint(Uint8Array.from(a)));
    expect(keyFingerprint(a)).not.toBe(keyFingerprint(b));
  });
});
