// Check policies per device group: staff read them, admins replace or reset them.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Name } from '../../../protocol/api/common.js';
import { CheckPolicy } from '../../../protocol/messages/checks.js';
import { ADMIN, STAFF, currentUser } from '../../plugins/access.js';
import type { CheckPolicyService, GroupCheckPolicy } from './check-policies.js';

const GroupParams = Type.Object({ group: Name }, { additionalProperties: false });
const GroupCheckPolicyView = Type.Object({
  group: Type.String(),
  custom: Type.Boolean({ description: 'false: the group runs the default policy' }),
  policy: CheckPolicy,
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const view = (entry: GroupCheckPolicy) => ({ ...entry, updatedAt: entry.updatedAt === null ? null : new Date(entry.updatedAt).toISOString() });

export function checkPolicyRoutes(app: FastifyInstance, deps: { checkPolicies: CheckPolicyService }) {
  const { checkPolicies } = deps;
  app.get('/api/check-policies', { config: { access: STAFF }, schema: { summary: 'Groups with a check policy of their own', response: { 200: Type.Array(GroupCheckPolicyView) } } }, async () =>
    checkPolicies.list().map(view),
  );
  app.get<{ Params: { group: string } }>(
    '/api/check-policies/:group',
    { config: { access: STAFF }, schema: { summary: "A group's check policy (the default when it has none)", params: GroupParams, response: { 200: GroupCheckPolicyView } } },
    async (request) => view(checkPolicies.forGroup(request.params.group)),
  );
  // The body is validated by the service (schema plus threshold rules) for one clear error.
  app.put<{ Params: { group: string } }>(
    '/api/check-policies/:group',
    { config: { access: ADMIN }, schema: { summary: "Replace a group's check policy; online agents get it at once (audited)", params: GroupParams, response: { 200: GroupCheckPolicyView } } },
    async (request) => view(checkPolicies.set(currentUser(request).name, request.params.group, request.body)),
  );
  app.delete<{ Params: { group: string } }>(
    '/api/check-policies/:group',
    { config: { access: ADMIN }, schema: { summary: 'Return a group to the default check policy (audited)', params: GroupParams, response: { 200: GroupCheckPolicyView } } },
    async (request) => view(checkPolicies.reset(currentUser(request).name, request.params.group)),
  );
}
