// The OpenAPI 3.1 document of the route table: each route's method, path, summary, roles
// (`x-access`), schemas, success answers and the error codes it may answer with, by status. Made
// from the same declarations the server validates with and the client calls, so it cannot drift.
import { Type, type TSchema } from 'typebox';
import { API_ERRORS, type ApiErrorCode } from '../../protocol/errors.js';
import type { OpenApiDocument, OpenApiOperation } from '../../protocol/api/routes/meta.js';
import { COMMON_ERRORS, type RouteSpec } from '../../protocol/api/route.js';

/** Not signed in and wrong role: what a route open to anyone can never answer. */
const ACCESS_ERRORS: readonly ApiErrorCode[] = ['unauthorized', 'forbidden'];

export function openApiDocument(routes: readonly RouteSpec[], version: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const spec of routes) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = operation(spec);
  }
  return { openapi: '3.1.0', info: { title: 'Helpline API', version }, paths };
}

/** Every error code a route may answer with: the common ones and its own. */
export function errorCodesOf(spec: RouteSpec): ApiErrorCode[] {
  const common = COMMON_ERRORS.filter((code) => spec.access !== 'public' || !ACCESS_ERRORS.includes(code));
  return [...new Set<ApiErrorCode>([...common, ...spec.errors])];
}

function operation(spec: RouteSpec): OpenApiOperation {
  const body = requestBody(spec);
  return {
    summary: spec.summary,
    'x-access': spec.access === 'public' ? 'public' : [...spec.access],
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    ...(body ? { requestBody: body } : {}),
    responses: { ...successResponses(spec), ...errorResponses(errorCodesOf(spec)) },
  };
}

function parameters(schema: TSchema | undefined, where: 'path' | 'query') {
  if (!Type.IsObject(schema)) return [];
  // TypeBox leaves `required` out of an object schema whose properties are all optional.
  const required: readonly string[] = schema.required ?? [];
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    schema: property,
  }));
}

function requestBody(spec: RouteSpec) {
  if (spec.rawBody) return { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } };
  if (spec.body) return { content: { 'application/json': { schema: spec.body } } };
  return undefined;
}

function successResponses(spec: RouteSpec): Record<string, unknown> {
  const content = successContent(spec);
  const answer = (description: string) => ({ description, ...(content ? { content } : {}) });
  const status = spec.status ?? 200;
  const responses: Record<string, unknown> = { [status]: answer(status === 201 ? 'Created' : 'OK') };
  if (spec.alsoStatus) responses[spec.alsoStatus] = answer(spec.alsoStatus === 201 ? 'Created' : 'OK, nothing changed');
  return responses;
}

function successContent(spec: RouteSpec) {
  if (spec.responseKind === 'text') return { 'text/plain': { schema: { type: 'string' } } };
  if (spec.responseKind === 'binary')
    return { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } };
  return spec.response ? { 'application/json': { schema: spec.response } } : undefined;
}

/** One response per error status, its body's `code` limited to the codes of that status. */
function errorResponses(codes: readonly ApiErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of codes) byStatus.set(API_ERRORS[code], [...(byStatus.get(API_ERRORS[code]) ?? []), code]);
  const responses: Record<string, unknown> = {};
  for (const [status, ofStatus] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: ofStatus.join(', '),
      content: { 'application/json': { schema: errorBody(ofStatus) } },
    };
  }
  return responses;
}

function errorBody(codes: readonly ApiErrorCode[]) {
  return {
    type: 'object',
    required: ['code', 'message'],
    properties: { code: { enum: codes }, message: { type: 'string' }, details: {} },
  };
}
