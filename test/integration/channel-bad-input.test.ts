// Every kind of broken channel input closes that one connection with its documented code (or
// refuses the upgrade), is logged, changes nothing, and the server keeps serving other agents.
import nacl from 'tweetnacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { toBase64Url } from '../../protocol/bytes.js';
import { createHandshakeInit } from '../../protocol/channel/handshake.js';
import { CloseCode } from '../../protocol/close-codes.js';
import { encodeAgentToServer } from '../../protocol/envelope.js';
import { MAX_FRAME_BYTES } from '../../protocol/limits.js';
import { enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { enrollRawIdentity, rawConnect, type RawConnection, type RawIdentity } from '../helpers/raw-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('bad input on the agent channel', () => {
  let server: TestServer;
  let bystander: TestAgent;
  let identity: RawIdentity;

  beforeAll(async () => {
    server = await startTestServer({ heartbeatIntervalMs: 1000 });
    // The agent gives up on a server silent for 2.5 heartbeats; at 1 s that is longer than a busy CI
    // machine stalls, so a bystander that drops has been dropped by the bad input, not by the load.
    bystander = await enrollTestAgent(server, { config: { heartbeatIntervalMs: 1000 } });
    await bystander.waitFor('online');
    identity = await enrollRawIdentity(server);
  });
  afterAll(async () => {
    await bystander.cleanup();
    await server.cleanup();
  });

  async function connected(): Promise<RawConnection> {
    const outcome = await rawConnect(server, identity);
    if (!outcome.upgraded) throw new Error(`refused: ${JSON.stringify(outcome.body)}`);
    return outcome.connection;
  }

  async function expectBystanderUnaffected() {
    expect(bystander.agent.status).toBe('online');
    await new Promise<void>((resolve) => bystander.agent.once('heartbeat', () => resolve()));
  }

  const closeLogged = (code: number) =>
    server.logs.some((line) => line.closeCode === code && line.msg === 'closing agent channel');

  it('closes on garbage bytes shorter than a frame with MalformedFrame', async () => {
    const connection = await connected();
    connection.ws.send(Buffer.from([1, 2, 3, 4, 5]));
    expect((await connection.closed).code).toBe(CloseCode.MalformedFrame);
    expect(closeLogged(CloseCode.MalformedFrame)).toBe(true);
    await expectBystanderUnaffected();
  });

  it('closes on random bytes with the right counter with DecryptFailed', async () => {
    const connection = await connected();
    const garbage = nacl.randomBytes(64);
    garbage.fill(0, 0, 8);
    connection.ws.send(garbage);
    expect((await connection.closed).code).toBe(CloseCode.DecryptFailed);
    await expectBystanderUnaffected();
  });

  it('closes on a truncated frame', async () => {
    const connection = await connected();
    const frame = connection.session.seal(
      encodeAgentToServer('agent.hello', {
        transcript: connection.transcript,
        agentVersion: 'x',
        hostname: 'x',
        platform: 'x',
        osRelease: 'x',
        arch: 'x',
      }),
    );
    connection.ws.send(frame.subarray(0, frame.length - 10));
    expect((await connection.closed).code).toBe(CloseCode.DecryptFailed);
    await expectBystanderUnaffected();
  });

  it('closes on a frame over the size limit with 1009', async () => {
    const connection = await connected();
    connection.ws.send(Buffer.alloc(MAX_FRAME_BYTES + 1));
    expect((await connection.closed).code).toBe(CloseCode.MessageTooBig);
    await expectBystanderUnaffected();
  });

  it('closes on a frame with the wrong counter with BadCounter', async () => {
    const connection = await connected();
    connection.hello();
    const first = connection.session.seal(encodeAgentToServer('agent.heartbeat', { sentAt: 1 }));
    const second = connection.session.seal(encodeAgentToServer('agent.heartbeat', { sentAt: 2 }));
    connection.ws.send(second);
    connection.ws.send(first);
    expect((await connection.closed).code).toBe(CloseCode.BadCounter);
    expect(closeLogged(CloseCode.BadCounter)).toBe(true);
    await expectBystanderUnaffected();
  });

  it('closes on a text frame', async () => {
    const connection = await connected();
    connection.ws.send('hello');
    expect((await connection.closed).code).toBe(CloseCode.MalformedFrame);
  });

  it('closes when the first message is not a hello with the transcript hash', async () => {
    const connection = await connected();
    connection.sendSealed(
      encodeAgentToServer('agent.hello', {
        transcript: toBase64Url(nacl.randomBytes(64)),
        agentVersion: 'x',
        hostname: 'x',
        platform: 'x',
        osRelease: 'x',
        arch: 'x',
      }),
    );
    expect((await connection.closed).code).toBe(CloseCode.KeyConfirmationFailed);
    const other = await connected();
    other.sendSealed(encodeAgentToServer('agent.heartbeat', { sentAt: 1 }));
    expect((await other.closed).code).toBe(CloseCode.KeyConfirmationFailed);
  });

  it('closes on a sealed message that is not an envelope or has an unknown type', async () => {
    const connection = await connected();
    connection.hello();
    connection.sendSealed(new TextEncoder().encode(JSON.stringify({ v: 1, id: 'x', type: 'no.such.type', body: {} })));
    expect((await connection.closed).code).toBe(CloseCode.MalformedMessage);
    await expectBystanderUnaffected();
  });

  it('refuses a message whose body fails its schema but keeps the connection', async () => {
    const connection = await connected();
    connection.hello();
    connection.sendSealed(
      new TextEncoder().encode(
        JSON.stringify({ v: 1, id: 'bad-1', type: 'agent.heartbeat', body: { sentAt: 'soon' } }),
      ),
    );
    await eventually(
      () => connection.received.some((message) => message.type === 'server.error'),
      5000,
      'server.error',
    );
    const error = connection.received.find((message) => message.type === 'server.error');
    expect(error?.body).toMatchObject({ inReplyTo: 'bad-1', code: 'invalid_message' });
    connection.sendSealed(encodeAgentToServer('agent.heartbeat', { sentAt: 42 }));
    await eventually(
      () => connection.received.some((message) => message.type === 'heartbeat.ack'),
      5000,
      'heartbeat ack',
    );
    expect(connection.ws.readyState).toBe(connection.ws.OPEN);
    connection.ws.close();
  });

  it('refuses a replayed handshake as stale', async () => {
    const first = await connected();
    first.hello();
    first.ws.close();
    await first.closed;
    const replay = await rawConnect(server, identity, { header: first.initHeader });
    expect(replay.upgraded).toBe(false);
    if (!replay.upgraded) expect(replay).toMatchObject({ status: 401, body: { code: 'stale_handshake' } });
    await expectBystanderUnaffected();
  });

  it('refuses an unknown agent key and a malformed handshake header', async () => {
    const stranger = nacl.box.keyPair();
    const init = createHandshakeInit({
      agentKeyPair: stranger,
      serverPublicKey: identity.serverPublicKey,
      timestamp: Date.now(),
      agentVersion: 'x',
    });
    const unknown = await rawConnect(server, identity, { header: toBase64Url(init.initMessage) });
    expect(unknown).toMatchObject({ upgraded: false, status: 401, body: { code: 'unknown_key' } });
    const garbage = await rawConnect(server, identity, { header: 'not*base64' });
    expect(garbage).toMatchObject({ upgraded: false, status: 400, body: { code: 'bad_handshake' } });
    const wrongServer = createHandshakeInit({
      agentKeyPair: identity.keyPair,
      serverPublicKey: nacl.box.keyPair().publicKey,
      timestamp: Date.now(),
      agentVersion: 'x',
    });
    const misdirected = await rawConnect(server, identity, { header: toBase64Url(wrongServer.initMessage) });
    expect(misdirected).toMatchObject({ upgraded: false, status: 400, body: { code: 'bad_handshake' } });
    expect(server.logs.some((line) => line.code === 'unknown_key' && line.msg === 'agent handshake refused')).toBe(
      true,
    );
    await expectBystanderUnaffected();
  });

  it('leaves the device list unchanged by all of the above', async () => {
    const devices = await server.client().call(API.devices.list);
    expect(devices.map((device) => device.status).sort()).toEqual(['active', 'active']);
  });
});

describe('dead connections', () => {
  it('terminates an agent socket that misses a pong, and logs it', async () => {
    const server = await startTestServer({ pingIntervalMs: 100 });
    try {
      const identity = await enrollRawIdentity(server);
      const outcome = await rawConnect(server, identity);
      if (!outcome.upgraded) throw new Error('refused');
      outcome.connection.hello();
      const online = async () => (await server.client().call(API.devices.list))[0]!.online;
      await eventually(online, 5000, 'online');
      // A paused socket reads nothing, so it never answers the server's pings: a dead peer.
      outcome.connection.ws.pause();
      await eventually(() => server.logs.some((line) => line.reason === 'missed pong'), 5000, 'missed pong');
      await eventually(async () => !(await online()), 5000, 'offline');
    } finally {
      await server.cleanup();
    }
  });
});

describe('handshake admission control', () => {
  it('answers a flood with busy and Retry-After instead of falling over', async () => {
    const server = await startTestServer({ handshakesPerSecond: 1, busyRetryAfterSec: 7 });
    try {
      const identity = await enrollRawIdentity(server);
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => rawConnect(server, identity)));
      const busy = outcomes.filter((outcome) => !outcome.upgraded && outcome.status === 503);
      expect(busy.length).toBeGreaterThanOrEqual(3);
      expect(busy[0]).toMatchObject({ body: { code: 'busy' }, retryAfter: '7' });
      const health = await server.client(null).call(API.health.liveness);
      expect(health.status).toBe('ok');
      for (const outcome of outcomes) if (outcome.upgraded) outcome.connection.ws.terminate();
    } finally {
      await server.cleanup();
    }
  });
});
