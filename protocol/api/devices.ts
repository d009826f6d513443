import { Type, type Static } from 'typebox';
import { DeviceId } from '../messages/common.js';

export const DeviceStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('active'),
  Type.Literal('denied'),
  Type.Literal('revoked'),
]);

export const DeviceView = Type.Object({
  id: DeviceId,
  name: Type.String(),
  group: Type.String(),
  status: DeviceStatus,
  statusReason: Type.Union([Type.String(), Type.Null()]),
  online: Type.Boolean(),
  lastSeenAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  agentVersion: Type.String(),
  platform: Type.String(),
  osRelease: Type.String(),
  arch: Type.String(),
  fingerprint: Type.String(),
  enrolledAt: Type.String({ format: 'date-time' }),
});
export type DeviceView = Static<typeof DeviceView>;

export const DeviceIdParams = Type.Object({ id: DeviceId }, { additionalProperties: false });

export const DeviceActionRequest = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
