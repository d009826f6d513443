import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '../../protocol/bytes.js';
import { CloseCode } from '../../protocol/close-codes.js';
import { CounterExhaustedError, MIN_FRAME_BYTES, SecureSession } from '../../protocol/channel/session.js';
import { MAX_FRAME_COUNTER } from '../../protocol/limits.js';
import { sessionPair } from './channel-fixtures.js';

const text = (value: string) => utf8Encode(value);
const counterOf = (frame: Uint8Array) => new DataView(frame.buffer, frame.byteOffset).getBigUint64(0);

function expectOpen(session: SecureSession, frame: Uint8Array, expected: string) {
  const result = session.open(frame);
  expect(result.ok, JSON.stringify(result)).toBe(true);
  if (result.ok) expect(utf8Decode(result.plaintext)).toBe(expected);
}

function expectClose(session: SecureSession, frame: Uint8Array, closeCode: number) {
  const result = session.open(frame);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.closeCode).toBe(closeCode);
}

describe('SecureSession frames', () => {
  it('opens a sequence of frames in both directions, including an empty message', () => {
    const { agent, server } = sessionPair();
    for (let i = 0; i < 5; i++) {
      expectOpen(server, agent.seal(text(`a${i}`)), `a${i}`);
      expectOpen(agent, server.seal(text(`s${i}`)), `s${i}`);
    }
    expectOpen(server, agent.seal(new Uint8Array(0)), '');
    expect(agent.framesSent).toBe(6);
    expect(server.framesReceived).toBe(6);
    expect(agent.framesReceived).toBe(5);
  });

  it('writes the counter in clear and uses nonce = direction byte ‖ zeros ‖ 64-bit counter', () => {
    const key = nacl.randomBytes(32);
    const sender = new SecureSession(
      {
        sendKey: key,
        receiveKey: nacl.randomBytes(32),
        sendDirection: 'server-to-agent',
        receiveDirection: 'agent-to-server',
      },
      'id',
    );
    sender.seal(text('first'));
    const frame = sender.seal(text('second'));
    expect(counterOf(frame)).toBe(1n);
    const nonce = new Uint8Array(24);
    nonce[0] = 0x02;
    nonce[23] = 1;
    expect(utf8Decode(nacl.secretbox.open(frame.subarray(8), nonce, key)!)).toBe('second');
  });

  it('opens frames that sit at an offset inside a larger buffer (pooled Buffers)', () => {
    const { agent, server } = sessionPair();
    const frame = agent.seal(text('pooled'));
    const pool = new Uint8Array(frame.length + 13);
    pool.set(frame, 7);
    expectOpen(server, pool.subarray(7, 7 + frame.length), 'pooled');
  });

  it('closes with DecryptFailed when any ciphertext or MAC byte is flipped', () => {
    const { agent, server } = sessionPair();
    const frame = agent.seal(text('hello'));
    for (const index of [8, 8 + 15, frame.length - 1]) {
      const tampered = Uint8Array.from(frame);
      tampered[index]! ^= 0x01;
      expectClose(server, tampered, CloseCode.DecryptFailed);
    }
    expect(server.framesReceived).toBe(0);
    expectOpen(server, frame, 'hello');
  });

  it('closes with DecryptFailed for a frame sealed with another session key', () => {
    const { server } = sessionPair();
    const stranger = sessionPair().agent;
    expectClose(server, stranger.seal(text('not yours')), CloseCode.DecryptFailed);
  });

  it('closes with DecryptFailed when a frame is reflected back to its sender', () => {
    const { agent } = sessionPair();
    expectClose(agent, agent.seal(text('echo')), CloseCode.DecryptFailed);
  });

  it('closes with BadCounter on a replayed frame', () => {
    const { agent, server } = sessionPair();
    const frame = agent.seal(text('once'));
    expectOpen(server, frame, 'once');
    expectClose(server, frame, CloseCode.BadCounter);
  });

  it('closes with BadCounter when frame 1 arrives before frame 0', () => {
    const { agent, server } = sessionPair();
    agent.seal(text('zero'));
    const one = agent.seal(text('one'));
    expectClose(server, one, CloseCode.BadCounter);
  });

  it('closes with BadCounter when a frame was dropped', () => {
    const { agent, server } = sessionPair();
    expectOpen(server, agent.seal(text('0')), '0');
    agent.seal(text('1 (lost)'));
    expectClose(server, agent.seal(text('2')), CloseCode.BadCounter);
  });

  it('closes with BadCounter when the clear-text counter is altered', () => {
    const { agent, server } = sessionPair();
    const frame = agent.seal(text('x'));
    frame[7] = 5;
    expectClose(server, frame, CloseCode.BadCounter);
  });

  it('closes with MalformedFrame for every frame shorter than counter + MAC', () => {
    const { agent, server } = sessionPair();
    const frame = agent.seal(new Uint8Array(0));
    expect(frame.length).toBe(MIN_FRAME_BYTES);
    for (let length = 0; length < MIN_FRAME_BYTES; length++) {
      expectClose(server, frame.subarray(0, length), CloseCode.MalformedFrame);
    }
  });

  it('closes with DecryptFailed for a frame cut short but still longer than counter + MAC', () => {
    const { agent, server } = sessionPair();
    const frame = agent.seal(text('abcdef'));
    expectClose(server, frame.subarray(0, frame.length - 1), CloseCode.DecryptFailed);
  });
});

describe('SecureSession counter limit', () => {
  it('seals up to maxCounter, then throws CounterExhaustedError and never reuses a nonce', () => {
    const { agent, server } = sessionPair({ maxCounter: 3 });
    const counters: bigint[] = [];
    for (let i = 0; i <= 3; i++) {
      const frame = agent.seal(text(`m${i}`));
      counters.push(counterOf(frame));
      expectOpen(server, frame, `m${i}`);
    }
    expect(counters).toEqual([0n, 1n, 2n, 3n]);
    expect(() => agent.seal(text('too many'))).toThrow(CounterExhaustedError);
    expect(() => agent.seal(text('still too many'))).toThrow(CounterExhaustedError);
    expect(agent.framesSent).toBe(4);
  });

  it('a receiver refuses counters above its own maxCounter', () => {
    const { agent, server } = sessionPair({ serverMaxCounter: 1 });
    expectOpen(server, agent.seal(text('0')), '0');
    expectOpen(server, agent.seal(text('1')), '1');
    expectClose(server, agent.seal(text('2')), CloseCode.BadCounter);
  });

  it('encodes counters above 2^32 exactly and stops at MAX_FRAME_COUNTER', () => {
    const { agent, server } = sessionPair();
    // Jump both ends forward instead of sealing 2^32 frames: element access reaches the private counters.
    agent['sendCounter'] = 2 ** 32 + 5;
    server['receiveCounter'] = 2 ** 32 + 5;
    const frame = agent.seal(text('high'));
    expect(counterOf(frame)).toBe(BigInt(2 ** 32 + 5));
    expectOpen(server, frame, 'high');
    agent['sendCounter'] = MAX_FRAME_COUNTER;
    expect(counterOf(agent.seal(text('last')))).toBe(BigInt(MAX_FRAME_COUNTER));
    expect(() => agent.seal(text('past the end'))).toThrow(CounterExhaustedError);
  });
});

describe('SecureSession budget', () => {
  it('is spent once maxMessages frames were sent or received', () => {
    const { agent, server } = sessionPair();
    const budget = { maxMessages: 3, maxAgeMs: Number.MAX_SAFE_INTEGER };
    for (let i = 0; i < 2; i++) server.open(agent.seal(text('x')));
    expect(agent.budgetSpent(budget)).toBe(false);
    expect(server.budgetSpent(budget)).toBe(false);
    server.open(agent.seal(text('x')));
    expect(agent.budgetSpent(budget)).toBe(true);
    expect(server.budgetSpent(budget)).toBe(true);
  });

  it('is spent once maxAgeMs has passed since the session started', () => {
    const { agent } = sessionPair({ now: 10_000 });
    expect(agent.startedAt).toBe(10_000);
    const budget = { maxMessages: 1_000, maxAgeMs: 500 };
    expect(agent.budgetSpent(budget, 10_000)).toBe(false);
    expect(agent.budgetSpent(budget, 10_499)).toBe(false);
    expect(agent.budgetSpent(budget, 10_500)).toBe(true);
  });
});
