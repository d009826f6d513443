// The routes of a per-group setting (check policies, shell policies), declared in the route table
// by protocol's groupSettingRoutes(). The service checks the body (schema plus its own rules) so a
// bad one gets one clear error.
import type { FastifyInstance } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { GroupSettingRoutes } from '../../../protocol/api/routes/group-settings.js';
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

/**
 * Serves one per-group setting of the route table (API.checkPolicies, API.shellPolicies). The
 * store's values are typed by the table's schema, so what the service checks and what the API
 * documents are one thing.
 */
export function groupSettingRoutes<S extends TSchema>(
  app: FastifyInstance,
  options: { routes: GroupSettingRoutes<S>; settings: GroupSettingStore<Static<S>> },
) {
  const { settings } = options;
  // Served as any schema's: a handler's answer typed by a generic S cannot be resolved by the
  // compiler; the signature above already ties the store to the table's schema.
  const routes: GroupSettingRoutes<TSchema> = options.routes;
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
