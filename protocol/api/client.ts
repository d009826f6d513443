// The typed API client, built from the route table: the CLI, the tests and the web console call
// the server only through it. fetch-based with no Node-only APIs, so it runs in the browser too.
// Errors arrive as ApiRequestError (the server's code, status and message) or
// ServerUnreachableError (no answer at all).
import { ApiRequestError, isApiErrorCode, ServerUnreachableError } from '../errors.js';
import { routePath, type CallArgs, type CallInput, type ResponseOf, type RouteSpec } from './route.js';

export interface ApiClientOptions {
  /** Base URL without a trailing slash; '' in the browser (same origin). */
  server: string;
  /** Sent as `Authorization: Bearer` (the CLI and tests); the browser uses its session cookie. */
  token?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Headers added to every request (the web console's CSRF header). */
  headers?: () => Record<string, string>;
  /** What to say when a sent token is refused with 401 (the CLI says how to log in again). */
  expiredLoginMessage?: (server: string) => string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function createApiClient(options: ApiClientOptions) {
  const { server, token = null, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const fetchFn = options.fetch ?? fetch;

  async function send<R extends RouteSpec>(spec: R, input: CallInput<R> = {} as CallInput<R>): Promise<Response> {
    const headers: Record<string, string> = { accept: acceptFor(spec), ...(options.headers?.() ?? {}) };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: RequestInit['body'];
    if (input.body !== undefined) {
      if (spec.rawBody) {
        body = input.body as RequestInit['body'];
        headers['content-type'] = input.contentType ?? 'application/octet-stream';
      } else {
        body = JSON.stringify(input.body);
        headers['content-type'] = 'application/json';
      }
    }
    const init: RequestInit & { duplex?: 'half' } = {
      method: spec.method,
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    };
    // A streamed body needs half-duplex (fetch's rule in Node and in browsers).
    if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) init.duplex = 'half';
    let response: Response;
    try {
      response = await fetchFn(server + routePath(spec, input.params, input.query), init);
    } catch (error) {
      throw unreachable(server, error, timeoutMs);
    }
    if (!response.ok) {
      const answer = {
        status: response.status,
        text: await response.text().catch(() => ''),
        retryAfter: response.headers.get('retry-after'),
      };
      throw apiErrorFrom(server, answer, { sentToken: Boolean(token), expiredLogin: options.expiredLoginMessage });
    }
    return response;
  }

  async function readAnswer<R extends RouteSpec>(spec: R, response: Response): Promise<ResponseOf<R>> {
    if (spec.responseKind === 'binary') return response as ResponseOf<R>;
    const text = await readText(server, response, timeoutMs);
    if (spec.responseKind === 'text') return text as ResponseOf<R>;
    if (text === '') return undefined as ResponseOf<R>;
    const parsed = parseJson(text);
    if (parsed === undefined) {
      throw new ApiRequestError(
        `${server} did not answer with JSON (HTTP ${response.status}); is it a Helpline server?`,
        'unexpected_response',
        response.status,
      );
    }
    return parsed as ResponseOf<R>;
  }

  return {
    server,
    /** For what speaks to the server other than through fetch (the shell's WebSocket). */
    token,
    /** Calls one route of the table and returns its answer, typed by the route. */
    async call<R extends RouteSpec>(spec: R, ...[input]: CallArgs<R>): Promise<ResponseOf<R>> {
      return readAnswer(spec, await send(spec, input));
    },
    /** The same, with the success status too (201 created, 200 unchanged). */
    async callWithStatus<R extends RouteSpec>(
      spec: R,
      ...[input]: CallArgs<R>
    ): Promise<{ status: number; body: ResponseOf<R> }> {
      const response = await send(spec, input);
      return { status: response.status, body: await readAnswer(spec, response) };
    },
    /** The URL of one call, for what is not fetched (a WebSocket, a download link). */
    url<R extends RouteSpec>(spec: R, ...[input]: CallArgs<R>): string {
      return server + routePath(spec, input?.params, input?.query);
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;

function acceptFor(spec: RouteSpec): string {
  if (spec.responseKind === 'text') return 'text/plain, text/csv, application/json';
  if (spec.responseKind === 'binary') return '*/*';
  return 'application/json';
}

async function readText(server: string, response: Response, timeoutMs: number): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw unreachable(server, error, timeoutMs);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** An error answer as received: its status, its body as text, its Retry-After header (when any). */
export interface ErrorAnswer {
  status: number;
  text: string;
  retryAfter: string | null;
}

export interface ErrorAnswerContext {
  /** Whether the request carried a token: a 401 then means the login is no longer valid. */
  sentToken: boolean;
  /** What to say then (the CLI says how to log in again); the server's own message when absent. */
  expiredLogin?: (server: string) => string;
}

/**
 * The ApiRequestError for an error answer of the server: its code, message and details, or
 * `unexpected_response` when the body is not a Helpline error. Shared by fetch calls and by the
 * shell's WebSocket upgrade, which is refused with the same bodies.
 */
export function apiErrorFrom(server: string, answer: ErrorAnswer, context: ErrorAnswerContext): ApiRequestError {
  const { status, text, retryAfter } = answer;
  const body = text === '' ? undefined : parseJson(text);
  if (!isErrorBody(body)) {
    return new ApiRequestError(
      `${server} answered HTTP ${status} without a Helpline error body; is it a Helpline server?`,
      'unexpected_response',
      status,
    );
  }
  const code = isApiErrorCode(body.code) ? body.code : 'unexpected_response';
  if (status === 401 && context.sentToken && context.expiredLogin)
    return new ApiRequestError(context.expiredLogin(server), code, status, body.details);
  let message = body.message;
  if (status === 429 && retryAfter && !message.includes(retryAfter)) message += ` (retry after ${retryAfter} s)`;
  return new ApiRequestError(message, code, status, body.details);
}

function isErrorBody(body: unknown): body is { code: string; message: string; details?: unknown } {
  if (typeof body !== 'object' || body === null) return false;
  const record = body as Record<string, unknown>;
  return typeof record.code === 'string' && typeof record.message === 'string';
}

/**
 * No answer at all, said with what went wrong: a timeout, or the network's reason (fetch puts it
 * in `cause`, ws on the error itself), with a hint when it is about certificates.
 */
export function unreachable(server: string, error: unknown, timeoutMs: number): ServerUnreachableError {
  const err = error as Error & { code?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return new ServerUnreachableError(
      `the server at ${server} did not answer within ${Math.round(timeoutMs / 1000)} s`,
    );
  }
  const cause = err.cause ?? err;
  const detail = cause.message ?? cause.code ?? err.message;
  const tls = cause.code && /CERT|SSL|TLS|SIGNATURE/i.test(cause.code);
  const hint = tls ? '; if the server uses a private CA, set NODE_EXTRA_CA_CERTS=/path/to/ca.pem' : '';
  return new ServerUnreachableError(`cannot reach the server at ${server}: ${detail}${hint}`);
}
