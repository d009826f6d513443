// The agent's state directory: its identity (device id, pinned server keys), its private key
// (mode 0600, never leaves the PC) and the handshake clock (timestamps must always grow).
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nacl from 'tweetnacl';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { decodeKey, encodeKey } from '../protocol/keys.js';

export const AgentIdentity = Type.Object({
  deviceId: Type.String(),
  deviceName: Type.String(),
  group: Type.String(),
  serverUrl: Type.String(),
  serverPublicKey: Type.String(),
  jobSigningPublicKey: Type.String(),
  fingerprint: Type.String(),
  enrolledAt: Type.String(),
  /** PEM file of the CA that signed the server's TLS certificate, when it is not a public one. */
  caFile: Type.Optional(Type.String()),
});
export type AgentIdentity = Static<typeof AgentIdentity>;
const identityValidator = Compile(AgentIdentity);

const IDENTITY_FILE = 'identity.json';
const KEY_FILE = 'agent.key';
const CLOCK_FILE = 'handshake-clock';

/** Writes a file atomically (temp + rename) so a crash never leaves half of it. */
export function writeAtomic(file: string, content: string, mode: number): void {
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, content, { mode });
  chmodSync(temp, mode);
  renameSync(temp, file);
}

export interface LoadedState {
  identity: AgentIdentity;
  keyPair: nacl.BoxKeyPair;
  serverPublicKey: Uint8Array;
  jobSigningPublicKey: Uint8Array;
}

export function createAgentState(stateDir: string) {
  const path = (name: string) => join(stateDir, name);
  return {
    stateDir,
    isEnrolled: () => existsSync(path(IDENTITY_FILE)) && existsSync(path(KEY_FILE)),

    save(identity: AgentIdentity, keyPair: nacl.BoxKeyPair): void {
      mkdirSync(stateDir, { recursive: true, mode: 0o700 });
      chmodSync(stateDir, 0o700);
      writeAtomic(
        path(KEY_FILE),
        JSON.stringify({ publicKey: encodeKey(keyPair.publicKey), secretKey: encodeKey(keyPair.secretKey) }) + '\n',
        0o600,
      );
      writeAtomic(path(IDENTITY_FILE), JSON.stringify(identity, null, 2) + '\n', 0o600);
    },

    /** Loads identity and keys; throws with a message a person can act on. */
    load(): LoadedState {
      if (!existsSync(path(IDENTITY_FILE))) {
        throw new Error(
          `${stateDir} holds no enrolled agent; run \`helpline-agent enroll --token TOKEN --state ${stateDir}\` first`,
        );
      }
      let identity: unknown;
      let keys: { publicKey?: string; secretKey?: string };
      try {
        identity = JSON.parse(readFileSync(path(IDENTITY_FILE), 'utf8'));
        keys = JSON.parse(readFileSync(path(KEY_FILE), 'utf8')) as typeof keys;
      } catch (error) {
        throw new Error(`agent state in ${stateDir} is unreadable: ${(error as Error).message}`, { cause: error });
      }
      if (!identityValidator.Check(identity)) throw new Error(`${path(IDENTITY_FILE)} is damaged`);
      const publicKey = decodeKey(keys.publicKey ?? '');
      const secretKey = decodeKey(keys.secretKey ?? '');
      const serverPublicKey = decodeKey(identity.serverPublicKey);
      const jobSigningPublicKey = decodeKey(identity.jobSigningPublicKey);
      if (!publicKey || !secretKey || !serverPublicKey || !jobSigningPublicKey)
        throw new Error(`keys in ${stateDir} are damaged`);
      return { identity, keyPair: { publicKey, secretKey }, serverPublicKey, jobSigningPublicKey };
    },

    /**
     * The timestamp for the next handshake: wall-clock milliseconds, but always greater than the
     * last one used (the server refuses a timestamp it has seen), even if the clock went back.
     */
    nextHandshakeTimestamp(now: number = Date.now()): number {
      const file = path(CLOCK_FILE);
      const last = existsSync(file) ? Number(readFileSync(file, 'utf8')) || 0 : 0;
      const next = Math.max(now, last + 1);
      writeAtomic(file, String(next), 0o600);
      return next;
    },
  };
}
export type AgentState = ReturnType<typeof createAgentState>;
