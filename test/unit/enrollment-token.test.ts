import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url, utf8Encode } from '../../protocol/bytes.js';
import {
  TOKEN_PREFIX,
  formatEnrollmentToken,
  openEnrollmentRequest,
  openEnrollmentResponse,
  parseEnrollmentToken,
  sealEnrollmentRequest,
  sealEnrollmentResponse,
  type EnrollmentClaim,
  type EnrollmentResult,
  type EnrollmentToken,
} from '../../protocol/enrollment.js';
import { encodeKey } from '../../protocol/keys.js';

const serverKeys = nacl.box.keyPair();
const signingKeys = nacl.sign.keyPair();
const token: EnrollmentToken = {
  serverUrl: 'https://helpline.example.com:8443/base',
  serverPublicKey: serverKeys.publicKey,
  jobSigningPublicKey: signingKeys.publicKey,
  tokenId: 'tok_abc123def4',
  secret: toBase64Url(nacl.randomBytes(32)),
};
const payload = (overrides: Record<string, unknown>) =>
  TOKEN_PREFIX +
  toBase64Url(
    utf8Encode(
      JSON.stringify({
        u: token.serverUrl,
        k: encodeKey(token.serverPublicKey),
        j: encodeKey(token.jobSigningPublicKey),
        i: token.tokenId,
        s: token.secret,
        ...overrides,
      }),
    ),
  );
const errorOf = (text: string) => {
  const result = parseEnrollmentToken(text);
  return result.ok ? 'parsed' : result.error;
};

describe('enrollment token text', () => {
  it('formats as hl1_ + base64url and parses back to the same token', () => {
    const text = formatEnrollmentToken(token);
    expect(text.startsWith('hl1_')).toBe(true);
    expect(text.slice(4)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseEnrollmentToken(text)).toEqual({ ok: true, token });
    expect(parseEnrollmentToken(payload({}))).toEqual({ ok: true, token });
  });

  it('tolerates surrounding whitespace from copy and paste', () => {
    expect(parseEnrollmentToken(`  ${formatEnrollmentToken(token)}\r\n`)).toEqual({ ok: true, token });
  });

  it('says what prefix is expected when the prefix is wrong or missing', () => {
    const body = formatEnrollmentToken(token).slice(TOKEN_PREFIX.length);
    for (const text of ['', body, `hl2_${body}`, `HL1_${body}`, `x${TOKEN_PREFIX}${body}`]) {
      expect(errorOf(text)).toBe('an enrollment token starts with "hl1_"');
    }
  });

  it('calls a truncated, mistyped or incomplete token damaged', () => {
    const text = formatEnrollmentToken(token);
    const damaged = [
      text.slice(0, text.length - 10),
      text.slice(0, 20),
      TOKEN_PREFIX,
      `${text.slice(0, 30)}!${text.slice(31)}`,
      TOKEN_PREFIX + toBase64Url(Uint8Array.of(0xff, 0xfe, 0x00)),
      TOKEN_PREFIX + toBase64Url(utf8Encode('not json')),
      TOKEN_PREFIX + toBase64Url(utf8Encode('null')),
      payload({ s: undefined }),
      payload({ i: 'token-1' }),
      payload({ k: 42 }),
      payload({ s: 'has spaces and +/' }),
    ];
    for (const bad of damaged) expect(errorOf(bad), bad).toBe('the enrollment token is damaged or incomplete');
  });

  it('refuses keys that do not decode to 32 bytes', () => {
    for (const overrides of [
      { k: encodeKey(new Uint8Array(31)) },
      { k: encodeKey(new Uint8Array(33)) },
      { j: encodeKey(new Uint8Array(16)) },
      { j: '' },
      { k: 'A' },
    ]) {
      expect(errorOf(payload(overrides))).toBe('the enrollment token carries invalid server keys');
    }
  });

  it('refuses a server URL that is not http(s)', () => {
    for (const u of ['', 'helpline.example.com', 'ftp://helpline.example.com', 'javascript:alert(1)', ' https://x']) {
      expect(errorOf(payload({ u })), u).toBe('the enrollment token carries an invalid server URL');
    }
    expect(errorOf(payload({ u: 'http://10.0.0.5:8080' }))).toBe('parsed');
  });

  it('refuses an http(s) URL without a valid host', () => {
    for (const u of ['http://', 'https://', 'https://exa mple.com', 'http://[bad']) {
      expect(errorOf(payload({ u })), u).toBe('the enrollment token carries an invalid server URL');
    }
  });
});

describe('sealed enrollment exchange', () => {
  const agentKeys = nacl.box.keyPair();
  const claim: EnrollmentClaim = {
    tokenId: token.tokenId,
    secret: token.secret,
    hostname: 'pc-07',
    platform: 'linux',
    osRelease: '6.8.0',
    arch: 'x64',
    agentVersion: '1.2.3',
    machineId: 'a'.repeat(64),
  };
  const result: EnrollmentResult = {
    deviceId: 'dev_0123456789ab',
    deviceName: 'pc-07',
    group: 'Reception',
    status: 'pending',
    fingerprint: 'abcd-ef01-2345-6789-abcd',
  };

  it('a sealed request opens on the right server and yields the agent key and the claim', () => {
    const request = sealEnrollmentRequest(claim, agentKeys, serverKeys.publicKey);
    expect(JSON.stringify(request)).not.toContain(token.secret);
    const opened = openEnrollmentRequest(request, serverKeys.secretKey);
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.claim).toEqual(claim);
      expect(encodeKey(opened.agentPublicKey)).toBe(encodeKey(agentKeys.publicKey));
    }
  });

  it("fails with not_for_this_server under another server's secret key", () => {
    const request = sealEnrollmentRequest(claim, agentKeys, serverKeys.publicKey);
    expect(openEnrollmentRequest(request, nacl.box.keyPair().secretKey)).toEqual({
      ok: false,
      reason: 'not_for_this_server',
    });
  });

  it('fails when the box, the nonce or the claimed agent key is altered', () => {
    const request = sealEnrollmentRequest(claim, agentKeys, serverKeys.publicKey);
    const box = fromBase64Url(request.box)!;
    box[box.length - 1]! ^= 1;
    const fail = { ok: false, reason: 'not_for_this_server' };
    expect(openEnrollmentRequest({ ...request, box: toBase64Url(box) }, serverKeys.secretKey)).toEqual(fail);
    expect(
      openEnrollmentRequest({ ...request, nonce: toBase64Url(nacl.randomBytes(24)) }, serverKeys.secretKey),
    ).toEqual(fail);
    expect(
      openEnrollmentRequest({ ...request, nonce: toBase64Url(nacl.randomBytes(23)) }, serverKeys.secretKey),
    ).toEqual(fail);
    const other = encodeKey(nacl.box.keyPair().publicKey);
    expect(openEnrollmentRequest({ ...request, agentPublicKey: other }, serverKeys.secretKey)).toEqual(fail);
    expect(openEnrollmentRequest({ ...request, agentPublicKey: 'AAAA' }, serverKeys.secretKey)).toEqual({
      ok: false,
      reason: 'bad_key',
    });
  });

  it('refuses a well-sealed claim that fails its schema as bad_claim', () => {
    const bad = { ...claim, isAdmin: true };
    const request = sealEnrollmentRequest(bad, agentKeys, serverKeys.publicKey);
    const opened = openEnrollmentRequest(request, serverKeys.secretKey);
    expect(opened).toMatchObject({ ok: false, reason: 'bad_claim' });
    expect(!opened.ok && opened.error).toBe('/ has an unknown field "isAdmin"');
  });

  it('a response opens only with the pinned server key and the right agent key', () => {
    const response = sealEnrollmentResponse(result, agentKeys.publicKey, serverKeys.secretKey);
    expect(openEnrollmentResponse(response, serverKeys.publicKey, agentKeys.secretKey)).toEqual(result);
    expect(openEnrollmentResponse(response, nacl.box.keyPair().publicKey, agentKeys.secretKey)).toBeNull();
    expect(openEnrollmentResponse(response, serverKeys.publicKey, nacl.box.keyPair().secretKey)).toBeNull();
    const impostor = nacl.box.keyPair();
    const forged = sealEnrollmentResponse(result, agentKeys.publicKey, impostor.secretKey);
    expect(openEnrollmentResponse(forged, serverKeys.publicKey, agentKeys.secretKey)).toBeNull();
  });

  it('a tampered response box, a reflected request or a result failing its schema gives null', () => {
    const response = sealEnrollmentResponse(result, agentKeys.publicKey, serverKeys.secretKey);
    const box = fromBase64Url(response.box)!;
    box[20]! ^= 0x40;
    expect(
      openEnrollmentResponse({ ...response, box: toBase64Url(box) }, serverKeys.publicKey, agentKeys.secretKey),
    ).toBeNull();
    const request = sealEnrollmentRequest(claim, agentKeys, serverKeys.publicKey);
    const reflected = { nonce: request.nonce, box: request.box };
    expect(openEnrollmentResponse(reflected, serverKeys.publicKey, agentKeys.secretKey)).toBeNull();
    // Sealed by hand: sealEnrollmentResponse takes only a valid result.
    const bogus = utf8Encode(JSON.stringify({ ...result, status: 'admin' }));
    const nonce = nacl.randomBytes(nacl.box.nonceLength);
    const bogusBox = nacl.box(bogus, nonce, agentKeys.publicKey, serverKeys.secretKey);
    const sealed = { nonce: toBase64Url(nonce), box: toBase64Url(bogusBox) };
    expect(openEnrollmentResponse(sealed, serverKeys.publicKey, agentKeys.secretKey)).toBeNull();
  });
});
