// A raw agent peer: does the real handshake with an enrolled identity, then lets a test send
// anything at all — garbage, truncated or replayed frames — and see how the server answers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { enrollAgent } from '../../agent/enroll.js';
import { createAgentState, type LoadedState } from '../../agent/state.js';
import { agentEndpoint } from '../../agent/channel-client.js';
import { fromBase64Url, toBase64Url } from '../../protocol/bytes.js';
import { completeHandshake, createHandshakeInit } from '../../protocol/channel/handshake.js';
import type { SecureSession } from '../../protocol/channel/session.js';
import { HANDSHAKE_HEADER } from '../../protocol/close-codes.js';
import { decodeServerToAgent, encodeAgentToServer, type ServerToAgentMessage } from '../../protocol/envelope.js';
import { createToken, testPlatform } from './test-agent.js';
import type { TestServer } from './test-server.js';

export interface RawIdentity extends LoadedState {
  stateDir: string;
  nextTimestamp(): number;
}

export async function enrollRawIdentity(server: TestServer): Promise<RawIdentity> {
  const stateDir = mkdtempSync(join(tmpdir(), 'helpline-raw-'));
  await enrollAgent({ token: await createToken(server), stateDir, platform: testPlatform() });
  const state = createAgentState(stateDir);
  return { ...state.load(), stateDir, nextTimestamp: () => state.nextHandshakeTimestamp() };
}

export interface RawConnection {
  ws: WebSocket;
  session: SecureSession;
  transcript: string;
  initHeader: string;
  /** Decoded messages from the server, in order. */
  received: ServerToAgentMessage[];
  closed: Promise<{ code: number; reason: string }>;
  sendSealed(bytes: Uint8Array): void;
  hello(): void;
}

export type UpgradeOutcome =
  | { upgraded: true; connection: RawConnection }
  | { upgraded: false; status: number; body: { code: string; message: string }; retryAfter: string | null };

/** Connects with the given handshake header (by default a fresh, valid one). */
export function rawConnect(
  server: TestServer,
  identity: RawIdentity,
  options: { header?: string } = {},
): Promise<UpgradeOutcome> {
  const init = createHandshakeInit({
    agentKeyPair: identity.keyPair,
    serverPublicKey: identity.serverPublicKey,
    timestamp: identity.nextTimestamp(),
    agentVersion: 'raw-test',
  });
  const header = options.header ?? toBase64Url(init.initMessage);
  const ws = new WebSocket(agentEndpoint(server.url), {
    headers: { [HANDSHAKE_HEADER]: header },
    perMessageDeflate: false,
  });
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () =>
        resolve({
          upgraded: false,
          status: response.statusCode ?? 0,
          body: JSON.parse(text) as { code: string; message: string },
          retryAfter: (response.headers['retry-after'] as string) ?? null,
        }),
      );
    });
    ws.on('error', reject);
    ws.on('upgrade', (response) => {
      const completed = completeHandshake(init, fromBase64Url(response.headers[HANDSHAKE_HEADER] as string)!);
      if (!completed.ok) return reject(new Error(completed.reason));
      const received: ServerToAgentMessage[] = [];
      const closed = new Promise<{ code: number; reason: string }>((done) =>
        ws.on('close', (code, reason) => done({ code, reason: reason.toString() })),
      );
      ws.on('message', (data) => {
        const opened = completed.session.open(data as Buffer);
        if (!opened.ok) return;
        const decoded = decodeServerToAgent(opened.plaintext);
        if (decoded.ok) received.push(decoded.message);
      });
      const transcript = toBase64Url(completed.transcriptHash);
      const connection: RawConnection = {
        ws,
        session: completed.session,
        transcript,
        initHeader: header,
        received,
        closed,
        sendSealed: (bytes) => ws.send(completed.session.seal(bytes)),
        hello: () =>
          connection.sendSealed(
            encodeAgentToServer('agent.hello', {
              transcript,
              agentVersion: 'raw-test',
              hostname: 'raw',
              platform: 'linux',
              osRelease: 'x',
              arch: 'x64',
            }),
          ),
      };
      ws.on('open', () => resolve({ upgraded: true, connection }));
    });
  });
}
