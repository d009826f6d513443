// Enrollment tokens that are expired, used up, revoked or meant for another server are refused
// with a clear error, audited, and change nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enrollAgent, EnrollmentError } from '../../agent/enroll.js';
import type { ApiErrorBody } from '../../protocol/api/common.js';
import { API } from '../../protocol/api/routes/index.js';
import { formatEnrollmentToken, parseEnrollmentToken } from '../../protocol/enrollment.js';
import { createToken, testPlatform } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const freshState = () => mkdtempSync(join(tmpdir(), 'helpline-enroll-'));

async function enrollError(token: string): Promise<EnrollmentError> {
  try {
    await enrollAgent({ token, stateDir: freshState(), platform: testPlatform() });
  } catch (error) {
    return error as EnrollmentError;
  }
  throw new Error('enrollment unexpectedly succeeded');
}

describe('enrollment refusals', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.cleanup()));
  });

  async function server(now?: () => number) {
    const started = await startTestServer({}, now ? { now } : {});
    servers.push(started);
    return started;
  }
  const deviceCount = async (server: TestServer) => (await server.client().call(API.devices.list)).length;

  it('refuses an expired token', async () => {
    let clock = Date.now();
    const srv = await server(() => clock);
    const token = await createToken(srv, { ttlSeconds: 60 });
    clock += 61_000;
    const error = await enrollError(token);
    expect(error.code).toBe('token_expired');
    expect(error.message).toContain('expired');
    expect(await deviceCount(srv)).toBe(0);
  });

  it('refuses a used-up token and counts no extra use', async () => {
    const srv = await server();
    const token = await createToken(srv, { uses: 1 });
    await enrollAgent({ token, stateDir: freshState(), platform: testPlatform() });
    const error = await enrollError(token);
    expect(error.code).toBe('token_used_up');
    const tokens = await srv.client().call(API.enrollment.listTokens);
    expect(tokens[0]).toMatchObject({ uses: 1, state: 'used_up' });
    expect(await deviceCount(srv)).toBe(1);
  });

  it('refuses a revoked token', async () => {
    const srv = await server();
    const created = await srv.client().call(API.enrollment.createToken, { body: {} });
    const revoked = await srv.client().call(API.enrollment.revokeToken, { params: { id: created.info.id } });
    expect(revoked.state).toBe('revoked');
    expect((await enrollError(created.token)).code).toBe('token_revoked');
    expect(await deviceCount(srv)).toBe(0);
    const audit = await srv.client().call(API.audit.list, { query: { action: 'enrollment' } });
    const actions = audit.map((entry) => entry.action);
    expect(actions).toEqual(['enrollment.refused', 'enrollment_token.revoked', 'enrollment_token.created']);
  });

  it('refuses a token issued by another server, and the agent saves nothing', async () => {
    const issuer = await server();
    const other = await server();
    const parsed = parseEnrollmentToken(await createToken(issuer));
    if (!parsed.ok) throw new Error(parsed.error);
    const pointedElsewhere = formatEnrollmentToken({ ...parsed.token, serverUrl: other.url });
    const stateDir = freshState();
    const error = await enrollAgent({ token: pointedElsewhere, stateDir, platform: testPlatform() }).catch(
      (caught: EnrollmentError) => caught,
    );
    expect((error as EnrollmentError).code).toBe('token_for_another_server');
    expect(await deviceCount(other)).toBe(0);
    const { createAgentState } = await import('../../agent/state.js');
    expect(createAgentState(stateDir).isEnrolled()).toBe(false);
  });

  it('refuses a token whose secret is wrong', async () => {
    const srv = await server();
    const parsed = parseEnrollmentToken(await createToken(srv));
    if (!parsed.ok) throw new Error(parsed.error);
    const forged = formatEnrollmentToken({ ...parsed.token, secret: 'A'.repeat(32) });
    expect((await enrollError(forged)).code).toBe('token_invalid');
  });

  it('refuses an enrollment body that fails its schema', async () => {
    const srv = await server();
    const body = { agentPublicKey: 'x', nonce: 'y' };
    const response = await srv.raw<ApiErrorBody>(API.enrollment.enroll, { body, token: null });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.message).toContain('box');
  });

  it('refuses a device name with control characters, so it cannot drive a terminal', async () => {
    const srv = await server();
    const token = await createToken(srv);
    const error = await enrollAgent({
      token,
      stateDir: freshState(),
      platform: testPlatform(),
      name: 'pc\u001b[2Jevil',
    }).catch((caught: EnrollmentError) => caught);
    expect((error as EnrollmentError).code).toBe('validation_failed');
    expect((error as EnrollmentError).message).toContain('/hostname');
    expect(await deviceCount(srv)).toBe(0);
  });

  it('rejects token text that is damaged before contacting anyone', async () => {
    expect((await enrollError('hl1_not-a-token')).code).toBe('bad_token');
    expect((await enrollError('something else')).message).toContain('starts with "hl1_"');
  });
});
