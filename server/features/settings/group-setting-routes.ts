// The routes of a per-group setting (check policies, shell policies): staff read a group's, or
// the list of groups with their own; admins replace or reset one. The service validates the body
// (schema plus its own rules) so a bad one gets one clear error.
import type { FastifyInstance } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { Name } from '../../../protocol/api/common.js';
import { ADMIN, STAFF, currentUser } from '../../plugins/access.js';
import type { GroupSetting } from './group-settings.js';

const GroupParams = Type.Object({ group: Name }, { additionalProperties: false });
type ByGroup = { Params: { group: string } };

export interface GroupSettingStore<T> {
  forGroup(group: string): GroupSetting<T>;
  list(): Array<GroupSetting<T>>;
  set(actor: string, group: string, next: unknown): GroupSetting<T>;
  reset(actor: string, group: string): GroupSetting<T>;
}

export function groupSettingRoutes<S extends TSchema>(
  app: FastifyInstance,
  options: { path: string; what: string; schema: S; settings: GroupSettingStore<Static<S>>; afterChange?: string },
) {
  const View = Type.Object({
    group: Type.String(),
    custom: Type.Boolean({ description: 'false: the group runs the default' }),
    policy: options.schema,
    updatedBy: Type.Union([Type.String(), Type.Null()]),
    updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  });
  const view = (entry: GroupSetting<Static<S>>) => ({ group: entry.group, custom: entry.custom, policy: entry.value, updatedBy: entry.updatedBy, updatedAt: entry.updatedAt === null ? null : new Date(entry.updatedAt).toISOString() });
  const { path, what, settings } = options;

  app.get(path, { config: { access: STAFF }, schema: { summary: `Groups with a ${what} of their own`, response: { 200: Type.Array(View) } } }, async () => settings.list().map(view));
  app.get<ByGroup>(`${path}/:group`, { config: { access: STAFF }, schema: { summary: `A group's ${what} (the default when it has none)`, params: GroupParams, response: { 200: View } } }, async (request) =>
    view(settings.forGroup(request.params.group)),
  );
  app.put<ByGroup>(`${path}/:group`, { config: { access: ADMIN }, schema: { summary: `Replace a group's ${what}${options.afterChange ?? ''} (audited)`, params: GroupParams, response: { 200: View } } }, async (request) =>
    view(settings.set(currentUser(request).name, request.params.group, request.body)),
  );
  app.delete<ByGroup>(`${path}/:group`, { config: { access: ADMIN }, schema: { summary: `Return a group to the default ${what} (audited)`, params: GroupParams, response: { 200: View } } }, async (request) =>
    view(settings.reset(currentUser(request).name, request.params.group)),
  );
}
