// The script library: staff read it, admins add scripts and versions.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ScriptDetailView, ScriptNameParams, ScriptPlatform, ScriptRequest, ScriptVersionView } from '../../../protocol/api/scripts.js';
import { ADMIN, STAFF, currentUser } from '../../plugins/access.js';
import type { ScriptService } from './service.js';

type ByName = { Params: { name: string } };

export function scriptRoutes(app: FastifyInstance, deps: { scripts: ScriptService }) {
  const { scripts } = deps;
  app.post<{ Body: ScriptRequest }>(
    '/api/scripts',
    // Scripts up to 256 KiB of text, which JSON escaping can double.
    { bodyLimit: 1024 * 1024, config: { access: ADMIN }, schema: { summary: 'Add a script, or a new version when it changed (audited)', body: ScriptRequest, response: { 200: ScriptVersionView, 201: ScriptVersionView } } },
    async (request, reply) => {
      const { version, created } = scripts.add(currentUser(request).name, request.body);
      return reply.code(created ? 201 : 200).send(version);
    },
  );
  app.get('/api/scripts', { config: { access: STAFF }, schema: { summary: 'Every script, newest version', response: { 200: Type.Array(ScriptVersionView) } } }, async () => scripts.list());
  app.get<ByName & { Querystring: { version?: number; platform?: ScriptPlatform } }>(
    '/api/scripts/:name',
    {
      config: { access: STAFF },
      schema: {
        summary: 'A script with its text (newest version unless ?version=N; ?platform= picks the variant when there are several)',
        params: ScriptNameParams,
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })), platform: Type.Optional(ScriptPlatform) }, { additionalProperties: false }),
        response: { 200: ScriptDetailView },
      },
    },
    async (request) => scripts.show(request.params.name, request.query.version, request.query.platform),
  );
  app.get<ByName>(
    '/api/scripts/:name/versions',
    { config: { access: STAFF }, schema: { summary: 'Every version of a script', params: ScriptNameParams, response: { 200: Type.Array(ScriptVersionView) } } },
    async (request) => scripts.versions(request.params.name),
  );
}
