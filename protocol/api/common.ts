// Schemas shared by the HTTP API and its clients (CLI, web console).
import { Type, type Static } from 'typebox';

/** Every error the API returns has this shape; `code` is stable, `message` is for people. */
export const ApiErrorBody = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Unknown()),
});
export type ApiErrorBody = Static<typeof ApiErrorBody>;

export const Role = Type.Union([Type.Literal('admin'), Type.Literal('technician'), Type.Literal('viewer')]);
export type Role = Static<typeof Role>;
export const ROLES: readonly Role[] = ['admin', 'technician', 'viewer'];

export const SupportLine = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);

export const Name = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]*$' });

export const Ok = Type.Object({ ok: Type.Literal(true) });
