// The script library: staff read it, admins add scripts and versions.
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { ScriptService } from './service.js';

export function scriptRoutes(app: FastifyInstance, deps: { scripts: ScriptService }) {
  const { scripts } = deps;
  serve(app, API.scripts.add, async (request, reply) => {
    const { version, created } = scripts.add(currentUser(request).name, request.body);
    // 201 for a new version (the table's status); an unchanged copy is no new version.
    if (!created) void reply.code(200);
    return version;
  });
  serve(app, API.scripts.list, async () => scripts.list());
  serve(app, API.scripts.show, async (request) =>
    scripts.show(request.params.name, request.query.version, request.query.platform),
  );
  serve(app, API.scripts.versions, async (request) => scripts.versions(request.params.name));
}
