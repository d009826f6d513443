// The routes of a per-group setting (check policies, shell policies), declared in the route table
// by protocol's groupSettingRoutes(). The service checks the body (schema plus its own rules) so a
// bad one gets one clear error.
import type { FastifyInstance } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { GroupSettingRoutes } from '../../../protocol/api/routes/group-settings.js';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import { iso } from '../../time.js';
import type { GroupSetting } from './group-settings.js';

export interface GroupSettingStore<T> {
  forGroup(group: string): GroupSetting<T>;
  list(): Array<GroupSetting<T>>;
  set(actor: string, group: string, next: unknown): GroupSetting<T>;
  reset(actor: string, group: string): GroupSetting<T>;
}

/** The table's per-group settings; `path` names one by its base path. */
const GROUP_SETTINGS: ReadonlyArray<GroupSettingRoutes<TSchema>> = [API.checkPolicies, API.shellPolicies];

/**
 * Serves the per-group setting the table declares at `path`. `what` and `afterChange` only worded
 * the summaries, which the table now holds; the schema must be the table's, so that what the
 * service checks and what the API documents are one thing.
 */
export function groupSettingRoutes<S extends TSchema>(
  app: FastifyInstance,
  options: { path: string; what: string; schema: S; settings: GroupSettingStore<Static<S>>; afterChange?: string },
) {
  const routes = GROUP_SETTINGS.find((group) => group.list.path === options.path);
  if (!routes) throw new Error(`no per-group setting at ${options.path} in the route table`);
  if (routes.show.response.properties.policy !== options.schema) {
    throw new Error(`the setting at ${options.path} is served with another schema than the route table's`);
  }
  const { settings } = options;
  const view = (entry: GroupSetting<Static<S>>) => ({
    group: entry.group,
    custom: entry.custom,
    policy: entry.value,
    updatedBy: entry.updatedBy,
    updatedAt: iso(entry.updatedAt),
  });

  serve(app, routes.list, async () => settings.list().map(view));
  serve(app, routes.show, async (request) => view(settings.forGroup(request.params.group)));
  serve(app, routes.set, async (request) =>
    view(settings.set(currentUser(request).name, request.params.group, request.body)),
  );
  serve(app, routes.reset, async (request) => view(settings.reset(currentUser(request).name, request.params.group)));
}
