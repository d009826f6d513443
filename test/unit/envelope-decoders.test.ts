import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../protocol/bytes.js';
import { DEFAULT_AGENT_POLICY } from '../../protocol/messages/policy.js';
import {
  decodeAgentToServer,
  decodeServerToAgent,
  encodeAgentToServer,
  encodeServerToAgent,
  newMessageId,
} from '../../protocol/envelope.js';

const json = (value: unknown) => utf8Encode(JSON.stringify(value));
const envelope = (type: string, body: unknown, extra: Record<string, unknown> = {}) =>
  json({ v: 1, id: 'msg-1', type, body, ...extra });

const hello = {
  transcript: 'AbC-_0123',
  agentVersion: '1.2.3',
  hostname: 'pc-07',
  platform: 'linux',
  osRelease: '6.8.0',
  arch: 'x64',
};
const welcome = {
  transcript: 'AbC-_0123',
  deviceId: 'dev_abcdef0123',
  deviceName: 'Reception PC',
  heartbeatIntervalMs: 15_000,
  serverTime: 1_700_000_000_000,
  policy: DEFAULT_AGENT_POLICY,
};

describe('decoders accept valid messages', () => {
  it('decodes every agent → server message made by the encoder', () => {
    for (const bytes of [
      encodeAgentToServer('agent.hello', hello, 'id-1'),
      encodeAgentToServer('agent.heartbeat', { sentAt: 1_700_000_000_123.5 }),
    ]) {
      const result = decodeAgentToServer(bytes);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (result.ok) expect(result.message).toEqual(JSON.parse(new TextDecoder().decode(bytes)));
    }
    expect(decodeAgentToServer(encodeAgentToServer('agent.hello', hello, 'id-1'))).toEqual({
      ok: true,
      message: { v: 1, id: 'id-1', type: 'agent.hello', body: hello },
    });
  });

  it('decodes every server → agent message made by the encoder', () => {
    for (const bytes of [
      encodeServerToAgent('server.welcome', welcome),
      encodeServerToAgent('heartbeat.ack', { sentAt: 1, serverTime: 2 }),
      encodeServerToAgent('server.error', { inReplyTo: 'id-1', code: 'invalid_body', message: 'no' }),
    ]) {
      expect(decodeServerToAgent(bytes).ok).toBe(true);
    }
  });

  it('newMessageId makes distinct 16-hex-digit ids', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newMessageId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('decoders refuse what is not an envelope as malformed', () => {
  const malformed: Array<[string, Uint8Array]> = [
    ['empty input', new Uint8Array(0)],
    ['random bytes', Uint8Array.of(0x00, 0x9f, 0x13, 0xee, 0x42)],
    ['invalid UTF-8', Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d)],
    ['non-JSON text', utf8Encode('hello there')],
    ['truncated JSON', envelope('agent.heartbeat', { sentAt: 1 }).subarray(0, 20)],
    ['JSON null', json(null)],
    ['JSON number', json(42)],
    ['JSON string', json('agent.hello')],
    ['JSON array', json([1, 'id', 'agent.heartbeat', {}])],
    ['empty object', json({})],
    ['missing body', json({ v: 1, id: 'a', type: 'agent.heartbeat' })],
    ['missing id', json({ v: 1, type: 'agent.heartbeat', body: { sentAt: 1 } })],
    ['extra envelope property', envelope('agent.heartbeat', { sentAt: 1 }, { admin: true })],
    ['wrong v', envelope('agent.heartbeat', { sentAt: 1 }, { v: 2 })],
    ['v as a string', envelope('agent.heartbeat', { sentAt: 1 }, { v: '1' })],
    ['empty id', envelope('agent.heartbeat', { sentAt: 1 }, { id: '' })],
    ['id too long', envelope('agent.heartbeat', { sentAt: 1 }, { id: 'x'.repeat(65) })],
    ['numeric id', envelope('agent.heartbeat', { sentAt: 1 }, { id: 7 })],
    ['type too long', envelope('a'.repeat(65), {})],
    ['unknown type', envelope('agent.bogus', {})],
    ['type of the other direction', encodeServerToAgent('heartbeat.ack', { sentAt: 1, serverTime: 2 })],
    ['prototype name __proto__', envelope('__proto__', {})],
    ['prototype name constructor', envelope('constructor', {})],
    ['prototype name toString', envelope('toString', {})],
  ];
  for (const [name, bytes] of malformed) {
    it(`refuses ${name}`, () => {
      const result = decodeAgentToServer(bytes);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.kind).toBe('malformed');
        expect(result.error.length).toBeGreaterThan(0);
      }
    });
  }

  it('the server → agent decoder refuses agent → server types as malformed', () => {
    const result = decodeServerToAgent(encodeAgentToServer('agent.heartbeat', { sentAt: 1 }));
    expect(result).toMatchObject({ ok: false, kind: 'malformed' });
  });
});

describe('decoders report a known type with a bad body as invalid_body', () => {
  const invalid: Array<[string, 'a2s' | 's2a', string, unknown]> = [
    ['an extra body property', 'a2s', 'agent.heartbeat', { sentAt: 1, extra: true }],
    ['a wrong property type', 'a2s', 'agent.heartbeat', { sentAt: '1' }],
    ['a missing property', 'a2s', 'agent.hello', { ...hello, hostname: undefined }],
    ['a too-long string', 'a2s', 'agent.hello', { ...hello, hostname: 'h'.repeat(256) }],
    ['a transcript outside base64url', 'a2s', 'agent.hello', { ...hello, transcript: 'ab+/cd==' }],
    ['a null body', 'a2s', 'agent.heartbeat', null],
    ['an array body', 's2a', 'heartbeat.ack', [1, 2]],
    ['a bad device id', 's2a', 'server.welcome', { ...welcome, deviceId: 'DEV_x' }],
    ['a fractional integer', 's2a', 'server.welcome', { ...welcome, heartbeatIntervalMs: 1500.5 }],
    ['an integer below its minimum', 's2a', 'server.welcome', { ...welcome, heartbeatIntervalMs: 10 }],
    ['a too-long error message', 's2a', 'server.error', { inReplyTo: 'a', code: 'b', message: 'm'.repeat(1001) }],
  ];
  for (const [name, direction, type, body] of invalid) {
    it(`${type} with ${name}`, () => {
      const bytes = envelope(type, body, { id: 'req-42' });
      const decode = direction === 'a2s' ? decodeAgentToServer : decodeServerToAgent;
      const result = decode(bytes);
      expect(result).toEqual({ ok: false, kind: 'invalid_body', id: 'req-42', type, error: expect.any(String) });
    });
  }

  it('refuses a number that JSON.parse overflows to Infinity', () => {
    const bytes = utf8Encode('{"v":1,"id":"inf","type":"agent.heartbeat","body":{"sentAt":1e400}}');
    expect(decodeAgentToServer(bytes)).toMatchObject({
      ok: false,
      kind: 'invalid_body',
      id: 'inf',
      type: 'agent.heartbeat',
    });
  });

  it('refuses an own "__proto__" body property as an extra property', () => {
    const bytes = utf8Encode('{"v":1,"id":"p","type":"agent.heartbeat","body":{"sentAt":1,"__proto__":{"x":1}}}');
    expect(decodeAgentToServer(bytes)).toMatchObject({ ok: false, kind: 'invalid_body', id: 'p' });
  });
});

describe('decoders never throw', () => {
  it('on 2000 random buffers, in both directions', () => {
    for (let i = 0; i < 2000; i++) {
      const bytes = nacl.randomBytes(Math.floor(Math.random() * 300));
      for (const decode of [decodeAgentToServer, decodeServerToAgent]) {
        const result = decode(bytes);
        expect(result.ok).toBe(false);
      }
    }
  });

  it('on 2000 mutations of valid messages (flipped bytes, truncation)', () => {
    const seeds = [encodeAgentToServer('agent.hello', hello), encodeServerToAgent('server.welcome', welcome)];
    for (let i = 0; i < 2000; i++) {
      const seed = seeds[i % 2]!;
      const bytes = Uint8Array.from(seed.subarray(0, 1 + Math.floor(Math.random() * seed.length)));
      for (let flips = Math.floor(Math.random() * 3); flips > 0; flips--) {
        bytes[Math.floor(Math.random() * bytes.length)] = Math.floor(Math.random() * 256);
      }
      for (const decode of [decodeAgentToServer, decodeServerToAgent]) {
        const result = decode(bytes);
        expect(['malformed', 'invalid_body', undefined]).toContain(result.ok ? undefined : result.kind);
      }
    }
  });
});
