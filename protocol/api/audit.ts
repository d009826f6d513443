import { Type, type Static } from 'typebox';

export const AuditEntryView = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Unknown(),
  hash: Type.String(),
});
export type AuditEntryView = Static<typeof AuditEntryView>;

/** The most audit entries one answer holds (?limit). */
export const MAX_AUDIT_LISTED = 1000;

export const AuditQuery = Type.Object(
  {
    /** Entries whose action starts with this text, e.g. "device." or "login". */
    action: Type.Optional(Type.String({ maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AUDIT_LISTED })),
  },
  { additionalProperties: false },
);

export const AuditVerdict = Type.Union([
  Type.Object({ ok: Type.Literal(true), entries: Type.Integer() }),
  Type.Object({ ok: Type.Literal(false), brokenAt: Type.Integer() }),
]);
export type AuditVerdict = Static<typeof AuditVerdict>;
