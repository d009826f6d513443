// How one HTTP route is declared: method, path, schemas, who may call it and what it may refuse
// with. The server registers its routes from these declarations and the typed client calls them,
// so a path, a field or a status exists once, here, and both ends compile against it.
import type { Static, TSchema } from 'typebox';
import type { ApiErrorCode } from '../errors.js';
import type { Access } from './access.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How a success answer travels: JSON (the default), text (a cast file, CSV) or bytes (a download). */
export type ResponseKind = 'json' | 'text' | 'binary';

export interface RouteSpec {
  method: HttpMethod;
  /** With `:name` for each path parameter, each of which `params` declares. */
  path: `/api/${string}`;
  /** One line for the API documentation. */
  summary: string;
  access: Access;
  params?: TSchema;
  query?: TSchema;
  /** A JSON body's schema; `rawBody` routes take the bytes of a file instead. */
  body?: TSchema;
  /** The body is a file's raw bytes (any content type), streamed, not parsed. */
  rawBody?: true;
  /** The success answer's schema, for JSON answers. */
  response?: TSchema;
  responseKind?: ResponseKind;
  /** Success status (default 200). */
  status?: 200 | 201;
  /** Another success status the route may answer with (201 created, 200 when nothing changed). */
  alsoStatus?: 200 | 201;
  /** Error codes the route may answer with besides the ones every route has (see COMMON_ERRORS). */
  errors: readonly ApiErrorCode[];
  /** A body limit above the server's default (1 MiB), in bytes. */
  bodyLimit?: number;
}

/** Every route may answer with these: bad input, not signed in, wrong role, internal failure. */
export const COMMON_ERRORS = [
  'validation_failed',
  'bad_request',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'internal_error',
] as const;

/** Declares a route; `const` keeps the literal types the client and the server derive from. */
export function route<const S extends RouteSpec>(spec: S): S {
  return spec;
}

type StaticOf<R, K extends 'params' | 'query' | 'body' | 'response'> = R extends { [key in K]: infer S extends TSchema }
  ? Static<S>
  : undefined;

export type ParamsOf<R extends RouteSpec> = StaticOf<R, 'params'>;
export type QueryOf<R extends RouteSpec> = StaticOf<R, 'query'>;
export type BodyOf<R extends RouteSpec> = R extends { rawBody: true } ? RawBody : StaticOf<R, 'body'>;

/** What a route's success answer is to its caller. */
export type ResponseOf<R extends RouteSpec> = R extends { responseKind: 'text' }
  ? string
  : R extends { responseKind: 'binary' }
    ? Response
    : StaticOf<R, 'response'>;

/** A file's bytes as a request body (the attachment upload). */
export type RawBody = Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array> | string;

// A part of the call's input is optional when every field in it is (an empty query, a body of
// optional fields), required otherwise, and absent when the route has none.
type Part<K extends string, T> = [T] extends [undefined]
  ? { [key in K]?: never }
  : object extends T
    ? { [key in K]?: T }
    : { [key in K]: T };

export type CallInput<R extends RouteSpec> = Part<'params', ParamsOf<R>> &
  Part<'query', QueryOf<R>> &
  Part<'body', BodyOf<R>> & {
    /** The raw body's content type (uploads). */
    contentType?: string;
  };

/** The input argument may be left out when nothing in it is required. */
export type CallArgs<R extends RouteSpec> =
  object extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

/** A `:name` path parameter; the one place the path syntax is spelled. */
const PATH_PARAM = /:(\w+)/g;

/** The names of a route's path parameters, in the order the path has them. */
export function pathParamNames(spec: Pick<RouteSpec, 'path'>): string[] {
  return [...spec.path.matchAll(PATH_PARAM)].map((match) => match[1]!);
}

/**
 * A pattern matching a path of this shape (without a query), capturing each `:name` as the named
 * group `name` (still URL-encoded). `trailingSlash` also accepts the path with a `/` after it.
 */
export function pathPattern(path: string, options: { trailingSlash?: boolean } = {}): RegExp {
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(PATH_PARAM, '(?<$1>[^/]+)');
  return new RegExp(`^${source}${options.trailingSlash ? '/?' : ''}$`);
}

/** The path of one call: parameters encoded (an id typed by a person never changes the route), query appended. */
export function routePath(spec: RouteSpec, params?: object, query?: object): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const path = spec.path.replace(PATH_PARAM, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || value === null)
      throw new Error(`${spec.method} ${spec.path} needs the path parameter ${name}`);
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${spec.method} ${spec.path}: the path parameter ${name} must be a string or a number`);
    }
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
