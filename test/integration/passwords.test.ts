import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';
import { runCli } from '../helpers/run-cli.js';

describe('passwords', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.api('POST', '/api/users', { body: { name: 'pat', role: 'technician', password: 'pat-first-password' } });
  });
  afterAll(() => server.cleanup());

  const login = (user: string, password: string) => server.api<{ token: string }>('POST', '/api/auth/login', { body: { user, password }, token: null });

  it('lets a user change their own password, signing out their other logins', async () => {
    const first = (await login('pat', 'pat-first-password')).body.token;
    const second = (await login('pat', 'pat-first-password')).body.token;
    const wrong = await server.api<{ code: string }>('POST', '/api/auth/password', { token: first, body: { currentPassword: 'guess', newPassword: 'pat-second-password' } });
    expect(wrong.status).toBe(401);
    const tooShort = await server.api<{ message: string }>('POST', '/api/auth/password', { token: first, body: { currentPassword: 'pat-first-password', newPassword: 'short' } });
    expect(tooShort.status).toBe(400);
    const changed = await server.api('POST', '/api/auth/password', { token: first, body: { currentPassword: 'pat-first-password', newPassword: 'pat-second-password' } });
    expect(changed.status).toBe(200);
    expect((await server.api('GET', '/api/auth/me', { token: first })).status).toBe(200);
    expect((await server.api('GET', '/api/auth/me', { token: second })).status).toBe(401);
    expect((await login('pat', 'pat-first-password')).status).toBe(401);
    expect((await login('pat', 'pat-second-password')).status).toBe(200);
  });

  it('lets an admin reset a password, and audits it', async () => {
    const before = (await login('pat', 'pat-second-password')).body.token;
    const reset = await server.api<{ generatedPassword: string }>('POST', '/api/users/pat/reset-password', { body: {} });
    expect(reset.status).toBe(200);
    expect((await server.api('GET', '/api/auth/me', { token: before })).status).toBe(401);
    expect((await login('pat', reset.body.generatedPassword)).status).toBe(200);
    const audit = await server.api<Array<{ action: string; target: string }>>('GET', '/api/audit?action=user.password_reset');
    expect(audit.body[0]).toMatchObject({ target: 'pat' });
  });

  it('resets a lost admin password with access to the data directory', async () => {
    const result = await runCli('helpline-server', ['reset-password', '--data', server.dataDir, '--user', 'admin']);
    expect(result.code).toBe(0);
    const password = /New password for admin: (\S+)/.exec(result.stdout)?.[1];
    expect(password).toBeDefined();
    expect((await login('admin', ADMIN_PASSWORD)).status).toBe(401);
    expect((await login('admin', password!)).status).toBe(200);
    const unknown = await runCli('helpline-server', ['reset-password', '--data', server.dataDir, '--user', 'nobody']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no user nobody');
  });
});
