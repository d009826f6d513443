// The script library: staff read it, admins add scripts and new versions of them.
import { Type } from 'typebox';
import { ADMIN, STAFF } from '../access.js';
import { ScriptDetailView, ScriptNameParams, ScriptRequest, ScriptShowQuery, ScriptVersionView } from '../scripts.js';
import { route } from '../route.js';

export const scriptRoutes = {
  add: route({
    method: 'POST',
    path: '/api/scripts',
    summary: 'Add a script, or a new version when it changed (audited); 200 when it is unchanged',
    access: ADMIN,
    body: ScriptRequest,
    response: ScriptVersionView,
    status: 201,
    alsoStatus: 200,
    errors: ['payload_too_large', 'conflict'],
    // Scripts up to 256 KiB of text, which JSON escaping can double.
    bodyLimit: 1024 * 1024,
  }),
  list: route({
    method: 'GET',
    path: '/api/scripts',
    summary: 'Every script, newest version',
    access: STAFF,
    response: Type.Array(ScriptVersionView),
    errors: [],
  }),
  show: route({
    method: 'GET',
    path: '/api/scripts/:name',
    summary:
      'A script with its text (newest version unless ?version=N; ?platform= picks the variant when there are several)',
    access: STAFF,
    params: ScriptNameParams,
    query: ScriptShowQuery,
    response: ScriptDetailView,
    errors: ['not_found'],
  }),
  versions: route({
    method: 'GET',
    path: '/api/scripts/:name/versions',
    summary: 'Every version of a script',
    access: STAFF,
    params: ScriptNameParams,
    response: Type.Array(ScriptVersionView),
    errors: ['not_found'],
  }),
};
