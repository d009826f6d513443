// The routes of a setting kept per device group (check policies, shell policies): staff read a
// group's, or the list of groups with their own; admins replace or reset one. One function makes
// the four routes for a base path, so both settings have the same shape on the wire.
import { Type, type TSchema } from 'typebox';
import { ADMIN, STAFF } from '../access.js';
import { Name } from '../common.js';
import { route } from '../route.js';
import { ShellPolicy } from '../shell.js';
import { CheckPolicy } from '../../messages/checks.js';

const GroupParams = Type.Object({ group: Name }, { additionalProperties: false });

/** One group's setting: its own, or the default when `custom` is false. */
function groupSettingView<S extends TSchema>(schema: S) {
  return Type.Object({
    group: Type.String(),
    custom: Type.Boolean({ description: 'false: the group runs the default' }),
    policy: schema,
    updatedBy: Type.Union([Type.String(), Type.Null()]),
    updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  });
}

export function groupSettingRoutes<S extends TSchema>(
  base: `/api/${string}`,
  schema: S,
  /** What the setting is called in the summaries, e.g. "check policy". */
  what: string,
  /** Said after "Replace a group's <what>", e.g. "; online agents get it at once". */
  afterChange = '',
) {
  const View = groupSettingView(schema);
  return {
    list: route({
      method: 'GET',
      path: base,
      summary: `Groups with a ${what} of their own`,
      access: STAFF,
      response: Type.Array(View),
      errors: [],
    }),
    show: route({
      method: 'GET',
      path: `${base}/:group`,
      summary: `A group's ${what} (the default when it has none)`,
      access: STAFF,
      params: GroupParams,
      response: View,
      errors: [],
    }),
    set: route({
      method: 'PUT',
      path: `${base}/:group`,
      summary: `Replace a group's ${what}${afterChange} (audited)`,
      access: ADMIN,
      params: GroupParams,
      // Checked by the server as a whole (schema, then the rules a schema cannot say), so that a
      // bad value gets one clear error in one form; hence no schema here for the request stage.
      body: Type.Unknown({ description: `the whole ${what}, as "policy" in what GET answers` }),
      response: View,
      errors: [],
    }),
    reset: route({
      method: 'DELETE',
      path: `${base}/:group`,
      summary: `Return a group to the default ${what} (audited)`,
      access: ADMIN,
      params: GroupParams,
      response: View,
      errors: ['not_found'],
    }),
  };
}
export type GroupSettingRoutes<S extends TSchema> = ReturnType<typeof groupSettingRoutes<S>>;

/** What counts as a fault on a group's PCs. */
export const checkPolicyRoutes = groupSettingRoutes(
  '/api/check-policies',
  CheckPolicy,
  'check policy',
  '; online agents get it at once',
);

/** Who may open a remote shell on a group's PCs, with what notice and limits. */
export const shellPolicyRoutes = groupSettingRoutes('/api/shell-policies', ShellPolicy, 'remote shell policy');
