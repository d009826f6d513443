import { Type, type Static } from 'typebox';
import { Name } from './common.js';

export const CreateEnrollmentTokenRequest = Type.Object(
  {
    group: Type.Optional(Name),
    ttlSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 90 * 24 * 3600 })),
    uses: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    approval: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateEnrollmentTokenRequest = Static<typeof CreateEnrollmentTokenRequest>;

/** An enrollment token named in the path: its id, never its secret. */
export const EnrollmentTokenIdParams = Type.Object(
  { id: Type.String({ pattern: '^tok_[a-z0-9]{8,32}$' }) },
  { additionalProperties: false },
);

export const EnrollmentTokenView = Type.Object({
  id: Type.String(),
  group: Type.String(),
  approval: Type.Boolean(),
  uses: Type.Integer(),
  maxUses: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  state: Type.Union([
    Type.Literal('active'),
    Type.Literal('expired'),
    Type.Literal('used_up'),
    Type.Literal('revoked'),
  ]),
});
export type EnrollmentTokenView = Static<typeof EnrollmentTokenView>;

export const CreatedEnrollmentToken = Type.Object({
  token: Type.String({ description: 'the text to give to `helpline-agent enroll --token`; shown once' }),
  info: EnrollmentTokenView,
});
