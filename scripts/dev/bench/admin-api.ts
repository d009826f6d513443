// The two admin calls the bench needs: sign in, and make one enrollment token good for N agents.
import { createApiClient } from '../../../protocol/api/client.js';
import { API } from '../../../protocol/api/routes/index.js';

export async function createBenchEnrollmentToken(
  serverUrl: string,
  adminPassword: string,
  uses: number,
): Promise<string> {
  const server = serverUrl.replace(/\/+$/, '');
  const signIn = { user: 'admin', password: adminPassword };
  const login = await createApiClient({ server }).call(API.auth.login, { body: signIn });
  const admin = createApiClient({ server, token: login.token });
  const created = await admin.call(API.enrollment.createToken, { body: { uses, ttlSeconds: 3600 } });
  return created.token;
}
