// The bench as the admin: signed in once, and one enrollment token good for N agents.
import { createApiClient, type ApiClient } from '../../../protocol/api/client.js';
import { API } from '../../../protocol/api/routes/index.js';

/** An API client signed in as admin on the bench's server. */
export async function adminClient(serverUrl: string, adminPassword: string): Promise<ApiClient> {
  const server = serverUrl.replace(/\/+$/, '');
  const signIn = { user: 'admin', password: adminPassword };
  const login = await createApiClient({ server }).call(API.auth.login, { body: signIn });
  return createApiClient({ server, token: login.token });
}

export async function createBenchEnrollmentToken(
  serverUrl: string,
  adminPassword: string,
  uses: number,
): Promise<string> {
  const admin = await adminClient(serverUrl, adminPassword);
  const created = await admin.call(API.enrollment.createToken, { body: { uses, ttlSeconds: 3600 } });
  return created.token;
}
