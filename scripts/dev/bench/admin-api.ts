// The two admin calls the bench needs: sign in, and make one enrollment token good for N agents.
export async function createBenchEnrollmentToken(serverUrl: string, adminPassword: string, uses: number): Promise<string> {
  const login = await callJson<{ token: string }>(serverUrl, '/api/auth/login', { user: 'admin', password: adminPassword });
  const created = await callJson<{ token: string }>(serverUrl, '/api/enrollment-tokens', { uses, ttlSeconds: 3600 }, login.token);
  return created.token;
}

async function callJson<T>(serverUrl: string, path: string, body: unknown, bearer?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(new URL(path, serverUrl), { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}
