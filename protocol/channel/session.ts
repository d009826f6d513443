// An established channel session: per-direction secretbox keys and counter nonces.
//
// Wire format of a frame: 8-byte big-endian counter, then secretbox(plaintext). The counter is
// sent in clear so that a wrong one is told apart from a tampered frame; the receiver demands
// exactly the next counter, so a replayed, reordered or dropped frame ends the session.
import nacl from 'tweetnacl';
import { CloseCode } from '../close-codes.js';
import { MAX_FRAME_COUNTER } from '../limits.js';

export type Direction = 'agent-to-server' | 'server-to-agent';

const DIRECTION_BYTE: Record<Direction, number> = { 'agent-to-server': 0x01, 'server-to-agent': 0x02 };
const COUNTER_BYTES = 8;
/** Smallest frame that can be valid: counter plus the secretbox MAC of an empty message. */
export const MIN_FRAME_BYTES = COUNTER_BYTES + nacl.secretbox.overheadLength;

export type OpenResult = { ok: true; plaintext: Uint8Array } | { ok: false; closeCode: CloseCode; reason: string };

export interface SessionKeys {
  sendKey: Uint8Array;
  receiveKey: Uint8Array;
  sendDirection: Direction;
  receiveDirection: Direction;
}

function makeNonce(direction: Direction, counter: number): Uint8Array {
  const nonce = new Uint8Array(nacl.secretbox.nonceLength);
  nonce[0] = DIRECTION_BYTE[direction];
  writeCounter(nonce, nacl.secretbox.nonceLength - COUNTER_BYTES, counter);
  return nonce;
}

function writeCounter(target: Uint8Array, offset: number, counter: number): void {
  // Counters stay below 2^53, so splitting into two 32-bit halves is exact.
  const high = Math.floor(counter / 0x1_0000_0000);
  const low = counter >>> 0;
  const view = new DataView(target.buffer, target.byteOffset, target.byteLength);
  view.setUint32(offset, high);
  view.setUint32(offset + 4, low);
}

function readCounter(frame: Uint8Array): number {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  return view.getUint32(0) * 0x1_0000_0000 + view.getUint32(4);
}

export class CounterExhaustedError extends Error {
  constructor() {
    super('frame counter limit reached; the session must re-handshake');
  }
}

export class SecureSession {
  private sendCounter = 0;
  private receiveCounter = 0;
  readonly startedAt: number;

  constructor(
    private readonly keys: SessionKeys,
    /** Identifies the session: hex of the handshake transcript hash. */
    readonly sessionId: string,
    /** Highest counter this session will ever use (tests lower it to reach the limit). */
    private readonly maxCounter: number = MAX_FRAME_COUNTER,
    now: number = Date.now(),
  ) {
    this.startedAt = now;
  }

  get framesSent(): number {
    return this.sendCounter;
  }

  get framesReceived(): number {
    return this.receiveCounter;
  }

  /** Seals one message. Throws CounterExhaustedError rather than ever reusing a nonce. */
  seal(plaintext: Uint8Array): Uint8Array {
    if (this.sendCounter > this.maxCounter) throw new CounterExhaustedError();
    const counter = this.sendCounter++;
    const box = nacl.secretbox(plaintext, makeNonce(this.keys.sendDirection, counter), this.keys.sendKey);
    const frame = new Uint8Array(COUNTER_BYTES + box.length);
    writeCounter(frame, 0, counter);
    frame.set(box, COUNTER_BYTES);
    return frame;
  }

  /** Opens the next frame. Never throws; any failure names the close code to use. */
  open(frame: Uint8Array): OpenResult {
    if (frame.length < MIN_FRAME_BYTES) {
      return { ok: false, closeCode: CloseCode.MalformedFrame, reason: `frame of ${frame.length} bytes is too short` };
    }
    const counter = readCounter(frame);
    if (counter !== this.receiveCounter || counter > this.maxCounter) {
      return {
        ok: false,
        closeCode: CloseCode.BadCounter,
        reason: `expected frame counter ${this.receiveCounter}, got ${counter}`,
      };
    }
    const nonce = makeNonce(this.keys.receiveDirection, counter);
    const plaintext = nacl.secretbox.open(frame.subarray(COUNTER_BYTES), nonce, this.keys.receiveKey);
    if (!plaintext) return { ok: false, closeCode: CloseCode.DecryptFailed, reason: 'frame failed authentication' };
    this.receiveCounter++;
    return { ok: true, plaintext };
  }

  /** True once the session has used up its message or time budget and should re-handshake. */
  budgetSpent(budget: { maxMessages: number; maxAgeMs: number }, now: number = Date.now()): boolean {
    return (
      this.sendCounter >= budget.maxMessages ||
      this.receiveCounter >= budget.maxMessages ||
      now - this.startedAt >= budget.maxAgeMs
    );
  }
}
