// About the API itself: its OpenAPI document, made from this route table.
import { Type, type Static } from 'typebox';
import { route } from '../route.js';

/** One operation of the document (paths[path][method]), as far as Helpline's clients read it. */
export const OpenApiOperation = Type.Object({
  summary: Type.String(),
  /** 'public', or the roles allowed (see protocol/api/access.ts). */
  'x-access': Type.Union([Type.Literal('public'), Type.Array(Type.String())]),
  parameters: Type.Array(Type.Unknown()),
  requestBody: Type.Optional(Type.Unknown()),
  /** By status: the success answers and, for the error statuses, the codes the route may answer with. */
  responses: Type.Record(Type.String(), Type.Unknown()),
});
export type OpenApiOperation = Static<typeof OpenApiOperation>;

export const OpenApiDocument = Type.Object({
  openapi: Type.String(),
  info: Type.Object({ title: Type.String(), version: Type.String() }),
  paths: Type.Record(Type.String(), Type.Record(Type.String(), OpenApiOperation)),
});
export type OpenApiDocument = Static<typeof OpenApiDocument>;

export const metaRoutes = {
  openapi: route({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document: every route, its roles, schemas and error codes',
    access: 'public',
    response: OpenApiDocument,
    errors: [],
  }),
};
