// A small fetch-based client for the Helpline HTTP API: JSON in and out, Bearer token, and errors
// turned into ApiRequestError (the server's code, status and message) or ServerUnreachableError.
import { isApiErrorCode } from '../../protocol/errors.js';
import { ApiRequestError, LOGIN_HINT, ServerUnreachableError } from './errors.js';

const codeOf = (code: string) => (isApiErrorCode(code) ? code : 'unexpected_response');

export interface ApiClientOptions {
  /** Base URL without a trailing slash (see normalizeServerUrl). */
  server: string;
  token?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function createApiClient(options: ApiClientOptions) {
  const { server, token = null, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const fetchFn = options.fetch ?? fetch;

  /** `as: 'text'` takes a successful answer as text (a recording's cast file); errors are JSON either way. */
  async function exchange<T>(method: string, path: string, body?: unknown, as: 'json' | 'text' = 'json'): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { accept: as === 'json' ? 'application/json' : 'text/plain, application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetchFn(server + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw unreachable(server, error, timeoutMs);
    }
    const parsed = parseJson(text);
    if (!response.ok) throw errorFromResponse(server, response, parsed, Boolean(token));
    if (as === 'text') return { status: response.status, body: text as T };
    if (text !== '' && parsed === undefined) {
      throw new ApiRequestError(`${server} did not answer with JSON (HTTP ${response.status}); is it a Helpline server?`, 'unexpected_response', response.status);
    }
    return { status: response.status, body: parsed as T };
  }
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => (await exchange<T>(method, path, body)).body;

  return {
    server,
    /** For what speaks to the server other than through fetch (the shell's WebSocket). */
    token,
    get: <T>(path: string) => request<T>('GET', path),
    /** A GET whose answer is a text file, not JSON. */
    getText: async (path: string) => (await exchange<string>('GET', path, undefined, 'text')).body,
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
    /** A POST whose success status matters too (201 created, 200 unchanged). */
    postWithStatus: <T>(path: string, body?: unknown) => exchange<T>('POST', path, body),
    put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
    delete: <T>(path: string) => request<T>('DELETE', path),
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;

/** Encodes one path segment, so an id typed by a person can never change the route. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFromResponse(server: string, response: Response, body: unknown, sentToken: boolean): ApiRequestError {
  const status = response.status;
  if (!isErrorBody(body)) {
    return new ApiRequestError(`${server} answered HTTP ${status} without a Helpline error body; is it a Helpline server?`, 'unexpected_response', status);
  }
  if (status === 401 && sentToken) {
    return new ApiRequestError(`your login on ${server} is no longer valid (expired, revoked or logged out); ${LOGIN_HINT}`, codeOf(body.code), status);
  }
  let message = body.message;
  const retryAfter = response.headers.get('retry-after');
  if (status === 429 && retryAfter && !message.includes(retryAfter)) message += ` (retry after ${retryAfter} s)`;
  return new ApiRequestError(message, codeOf(body.code), status);
}

function isErrorBody(body: unknown): body is { code: string; message: string } {
  if (typeof body !== 'object' || body === null) return false;
  const record = body as Record<string, unknown>;
  return typeof record.code === 'string' && typeof record.message === 'string';
}

function unreachable(server: string, error: unknown, timeoutMs: number): ServerUnreachableError {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return new ServerUnreachableError(`the server at ${server} did not answer within ${Math.round(timeoutMs / 1000)} s`);
  }
  const cause = err.cause;
  const detail = cause?.message ?? cause?.code ?? err.message;
  const tls = cause?.code && /CERT|SSL|TLS|SIGNATURE/i.test(cause.code);
  const hint = tls ? '; if the server uses a private CA, set NODE_EXTRA_CA_CERTS=/path/to/ca.pem' : '';
  return new ServerUnreachableError(`cannot reach the server at ${server}: ${detail}${hint}`);
}
