// Registers the server's routes from protocol's route table. A handler gets its params, query and
// body typed from the route's schemas and returns the answer the route declares; the method, the
// path, the schemas, the roles and the success status come from the table only.
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { allRoutes } from '../../protocol/api/routes/index.js';
import type { ParamsOf, QueryOf, RouteSpec } from '../../protocol/api/route.js';

type ServerBodyOf<R extends RouteSpec> = R extends { rawBody: true }
  ? IncomingMessage | undefined
  : R extends { body: infer S extends TSchema }
    ? Static<S>
    : undefined;

/**
 * What a handler returns: the JSON answer, a text file (whole, or streamed when it may be large), or
 * (binary routes) the reply it sent.
 */
export type AnswerOf<R extends RouteSpec> = R extends { responseKind: 'text' }
  ? string | Readable
  : R extends { responseKind: 'binary' }
    ? FastifyReply
    : R extends { response: infer S extends TSchema }
      ? Static<S>
      : undefined;

export type RouteRequest<R extends RouteSpec> = FastifyRequest & {
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: ServerBodyOf<R>;
};
export type RouteHandler<R extends RouteSpec> = (request: RouteRequest<R>, reply: FastifyReply) => Promise<AnswerOf<R>>;

declare module 'fastify' {
  interface FastifyInstance {
    /** `METHOD path` of every route served from the table (shared by every plugin scope). */
    servedRoutes: Set<string>;
  }
}

const key = (spec: Pick<RouteSpec, 'method' | 'path'>) => `${spec.method} ${spec.path}`;

/** Registers one route of the table with its handler. */
export function serve<R extends RouteSpec>(app: FastifyInstance, spec: R, handler: RouteHandler<R>): void {
  const schema: FastifySchema = {};
  if (spec.params) schema.params = spec.params;
  if (spec.query) schema.querystring = spec.query;
  if (spec.body && !spec.rawBody) schema.body = spec.body;
  if (spec.response && (spec.responseKind ?? 'json') === 'json') {
    schema.response = {
      [spec.status ?? 200]: spec.response,
      ...(spec.alsoStatus ? { [spec.alsoStatus]: spec.response } : {}),
    };
  }
  const status = spec.status ?? 200;
  const addRoute = (scope: FastifyInstance) =>
    scope.withTypeProvider<TypeBoxTypeProvider>().route({
      method: spec.method,
      url: spec.path,
      schema,
      config: { access: spec.access },
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      // The schemas above validated what the table's types describe; fastify's own generics cannot
      // follow a route value through a function, so the request is narrowed here, once.
      handler: async (request, reply) => {
        void reply.code(status);
        return handler(request as RouteRequest<R>, reply);
      },
    });
  app.servedRoutes.add(key(spec));
  // A raw-body route gets a scope of its own, where its body arrives unparsed.
  if (spec.rawBody) {
    void app.register(async (scope) => {
      takeRawBodies(scope);
      addRoute(scope);
    });
  } else {
    addRoute(app);
  }
}

/**
 * In this scope, and only there, any body of any type is handed over as the raw stream (JSON
 * included: an attached .json file is bytes, not a request).
 */
function takeRawBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  // A refusal before the body was read (wrong role, bad name, too large): close the connection
  // rather than read and throw away the rest of what the client is still sending.
  scope.addHook('onError', async (request, reply) => {
    if (!request.raw.complete) void reply.header('connection', 'close');
  });
}

/**
 * Decorates the root instance with the set every scope's serve() adds to, and refuses an /api route
 * registered any other way: every route of the API is in the table, or the server does not start.
 */
export function registerRouteTable(app: FastifyInstance): void {
  const served = new Set<string>();
  app.decorate('servedRoutes', served);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.method === 'HEAD') return;
    for (const method of [route.method].flat()) {
      const name = `${method} ${route.url}`;
      if (!served.has(name))
        throw new Error(`route ${name} is not in the route table (protocol/api/routes/); add it there and serve() it`);
    }
  });
}

/** Fails the start when a route of the table has no handler: the table and the server cannot drift. */
export function assertEveryRouteServed(app: FastifyInstance): void {
  const served = app.servedRoutes;
  const missing = allRoutes().filter((spec) => !served.has(key(spec)));
  if (missing.length) throw new Error(`routes in the table with no handler: ${missing.map(key).join(', ')}`);
}
