// Enrollment tokens (made by admins) and device enrollment (by agents presenting a token).
import {
  formatEnrollmentToken,
  openEnrollmentRequest,
  sealEnrollmentResponse,
  type SealedEnrollmentRequest,
} from '../../../protocol/enrollment.js';
import type { EnrollmentTokenView } from '../../../protocol/api/enrollment-tokens.js';
import { encodeKey, keyFingerprint } from '../../../protocol/keys.js';
import { ApiError } from '../../errors.js';
import { hashSecret, newId, newSecret, secretMatches } from '../../security.js';
import type { ServerKeys } from '../../data-dir.js';
import type { AuditStore } from '../audit/store.js';
import type { AuthUser } from '../auth/service.js';
import type { DeviceStore } from '../devices/store.js';
import { tokenState, type EnrollmentTokenRow, type EnrollmentTokenStore } from './store.js';

export const DEFAULT_TOKEN_TTL_SECONDS = 30 * 60;

export function createEnrollmentService(deps: {
  tokens: EnrollmentTokenStore;
  devices: DeviceStore;
  audit: AuditStore;
  keys: ServerKeys;
  publicUrl: () => string;
  now?: () => number;
  /** A device was enrolled (whatever its status): the console's lists hear of it. */
  onEnrolled?: (deviceId: string) => void;
}) {
  const now = deps.now ?? Date.now;
  const view = (row: EnrollmentTokenRow): EnrollmentTokenView => ({
    id: row.id,
    group: row.group,
    approval: row.approval,
    uses: row.uses,
    maxUses: row.maxUses,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt).toISOString(),
    state: tokenState(row, now()),
  });

  function refuse(
    code: 'token_invalid' | 'token_expired' | 'token_used_up' | 'token_revoked' | 'token_for_another_server',
    message: string,
    detail: object,
  ): never {
    deps.audit.record({ actor: 'anonymous', action: 'enrollment.refused', detail: { code, ...detail } });
    throw new ApiError(code, message);
  }

  return {
    createToken(user: AuthUser, options: { group?: string; ttlSeconds?: number; uses?: number; approval?: boolean }) {
      const id = newId('tok', 12);
      const secret = newSecret(24);
      const row = {
        id,
        secretHash: hashSecret(secret),
        group: options.group ?? 'default',
        approval: options.approval ?? false,
        maxUses: options.uses ?? 1,
        createdBy: user.id,
        expiresAt: now() + (options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS) * 1000,
      };
      deps.tokens.insert(row);
      deps.audit.record({
        actor: user.name,
        action: 'enrollment_token.created',
        target: id,
        detail: { group: row.group, uses: row.maxUses, approval: row.approval, expiresAt: row.expiresAt },
      });
      const token = formatEnrollmentToken({
        serverUrl: deps.publicUrl(),
        serverPublicKey: deps.keys.channel.publicKey,
        jobSigningPublicKey: deps.keys.jobSigningPublicKey,
        tokenId: id,
        secret,
      });
      return { token, info: view(deps.tokens.byId(id)!) };
    },

    listTokens: () => deps.tokens.all().map(view),

    revokeToken(user: AuthUser, id: string) {
      const row = deps.tokens.byId(id);
      if (!row) throw new ApiError('not_found', `no enrollment token ${id}`);
      if (!deps.tokens.revoke(id)) throw new ApiError('invalid_state', `token ${id} is already revoked`);
      deps.audit.record({ actor: user.name, action: 'enrollment_token.revoked', target: id });
      return view(deps.tokens.byId(id)!);
    },

    enroll(request: SealedEnrollmentRequest) {
      const opened = openEnrollmentRequest(request, deps.keys.channel.secretKey);
      if (!opened.ok && opened.reason === 'not_for_this_server') {
        refuse(
          'token_for_another_server',
          'this enrollment token was issued for another Helpline server (its key does not match)',
          {},
        );
      }
      if (!opened.ok)
        throw new ApiError(
          'validation_failed',
          opened.reason === 'bad_key'
            ? 'agentPublicKey is not a 32-byte key'
            : `the enrollment claim is invalid: ${opened.error ?? 'malformed'}`,
        );
      const { claim, agentPublicKey } = opened;
      const token = deps.tokens.byId(claim.tokenId);
      if (!token || !secretMatches(claim.secret, token.secretHash))
        refuse('token_invalid', 'unknown enrollment token', { tokenId: claim.tokenId });
      const state = tokenState(token, now());
      if (state === 'revoked') refuse('token_revoked', 'this enrollment token was revoked', { tokenId: token.id });
      if (state === 'expired')
        refuse('token_expired', 'this enrollment token has expired; ask for a new one', { tokenId: token.id });
      if (state === 'used_up') refuse('token_used_up', 'this enrollment token has been used up', { tokenId: token.id });

      const publicKey = encodeKey(agentPublicKey);
      if (deps.devices.byPublicKey(publicKey))
        throw new ApiError('key_already_enrolled', 'this agent key is already enrolled');
      // A second key for a PC that is already enrolled: a reinstall, or someone posing as it.
      const existing = deps.devices.liveByMachineId(claim.machineId)[0];
      const status = existing ? 'denied' : token.approval ? 'pending' : 'active';
      const statusReason = existing ? `this PC is already enrolled as ${existing.id} with another key` : null;
      const fingerprint = keyFingerprint(agentPublicKey);
      const deviceId = newId('dev');
      if (!deps.tokens.use(token.id))
        refuse('token_used_up', 'this enrollment token has been used up', { tokenId: token.id });
      deps.devices.insert({
        id: deviceId,
        name: claim.hostname,
        group: token.group,
        status,
        statusReason,
        publicKey,
        fingerprint,
        machineId: claim.machineId,
        platform: claim.platform,
        osRelease: claim.osRelease,
        arch: claim.arch,
        agentVersion: claim.agentVersion,
        enrollmentToken: token.id,
      });
      deps.audit.record({
        actor: deviceId,
        action: 'device.enrolled',
        target: deviceId,
        detail: { name: claim.hostname, group: token.group, status, fingerprint, tokenId: token.id, statusReason },
      });
      deps.onEnrolled?.(deviceId);
      return sealEnrollmentResponse(
        { deviceId, deviceName: claim.hostname, group: token.group, status, fingerprint },
        agentPublicKey,
        deps.keys.channel.secretKey,
      );
    },
  };
}
export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
