import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';
import { runCli } from '../helpers/run-cli.js';

describe('passwords', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server
      .client()
      .call(API.users.add, { body: { name: 'pat', role: 'technician', password: 'pat-first-password' } });
  });
  afterAll(() => server.cleanup());

  const login = (user: string, password: string) =>
    server.client(null).call(API.auth.login, { body: { user, password } });
  const changePassword = (token: string, currentPassword: string, newPassword: string) =>
    server.client(token).call(API.auth.changePassword, { body: { currentPassword, newPassword } });

  it('lets a user change their own password, signing out their other logins', async () => {
    const first = (await login('pat', 'pat-first-password')).token;
    const second = (await login('pat', 'pat-first-password')).token;
    const wrong = changePassword(first, 'guess', 'pat-second-password');
    await expect(wrong).rejects.toMatchObject({ status: 401, code: 'invalid_credentials' });
    const tooShort = changePassword(first, 'pat-first-password', 'short');
    await expect(tooShort).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
    expect(await changePassword(first, 'pat-first-password', 'pat-second-password')).toEqual({ ok: true });
    expect(await server.client(first).call(API.auth.me)).toMatchObject({ name: 'pat' });
    await expect(server.client(second).call(API.auth.me)).rejects.toMatchObject({ status: 401 });
    await expect(login('pat', 'pat-first-password')).rejects.toMatchObject({ status: 401 });
    expect(await login('pat', 'pat-second-password')).toMatchObject({ user: { name: 'pat' } });
  });

  it('lets an admin reset a password, and audits it', async () => {
    const before = (await login('pat', 'pat-second-password')).token;
    const reset = await server.client().call(API.users.resetPassword, { params: { name: 'pat' } });
    await expect(server.client(before).call(API.auth.me)).rejects.toMatchObject({ status: 401 });
    expect(await login('pat', reset.generatedPassword)).toMatchObject({ user: { name: 'pat' } });
    const audit = await server.client().call(API.audit.list, { query: { action: 'user.password_reset' } });
    expect(audit[0]).toMatchObject({ target: 'pat' });
  });

  it('resets a lost admin password with access to the data directory', async () => {
    const result = await runCli('helpline-server', ['reset-password', '--data', server.dataDir, '--user', 'admin']);
    expect(result.code).toBe(0);
    const password = /New password for admin: (\S+)/.exec(result.stdout)?.[1];
    expect(password).toBeDefined();
    await expect(login('admin', ADMIN_PASSWORD)).rejects.toMatchObject({ status: 401 });
    expect(await login('admin', password!)).toMatchObject({ user: { name: 'admin' } });
    const unknown = await runCli('helpline-server', ['reset-password', '--data', server.dataDir, '--user', 'nobody']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no user nobody');
  });
});
