// Enrollment: make this PC's key pair, present the token to the server it names (sealed to the
// server key the token pins), and keep the identity only when the server proved it holds that key.
import { readFileSync } from 'node:fs';
import { hostname, release } from 'node:os';
import nacl from 'tweetnacl';
import { API } from '../protocol/api/routes/index.js';
import { routePath } from '../protocol/api/route.js';
import {
  isSealedEnrollmentResponse,
  openEnrollmentResponse,
  parseEnrollmentToken,
  sealEnrollmentRequest,
  type EnrollmentResult,
} from '../protocol/enrollment.js';
import { encodeKey, keyFingerprint } from '../protocol/keys.js';
import { HELPLINE_VERSION } from '../protocol/version.js';
import { postJson } from './http.js';
import type { Platform } from './platform/index.js';
import { createAgentState } from './state.js';

export class EnrollmentError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export async function enrollAgent(input: {
  token: string;
  stateDir: string;
  platform: Platform;
  caFile?: string;
  /** Name to enroll under; defaults to the host name. */
  name?: string;
}): Promise<EnrollmentResult & { serverUrl: string }> {
  const parsed = parseEnrollmentToken(input.token);
  if (!parsed.ok) throw new EnrollmentError(parsed.error, 'bad_token');
  const state = createAgentState(input.stateDir);
  if (state.isEnrolled()) {
    const current = state.load().identity;
    throw new EnrollmentError(
      `${input.stateDir} already holds device ${current.deviceId}; use another --state directory or remove it first`,
      'already_enrolled',
    );
  }
  const { token } = parsed;
  const keyPair = nacl.box.keyPair();
  const claim = {
    tokenId: token.tokenId,
    secret: token.secret,
    hostname: (input.name ?? hostname()).slice(0, 255),
    platform: process.platform,
    osRelease: release().slice(0, 128),
    arch: process.arch,
    agentVersion: HELPLINE_VERSION,
    machineId: input.platform.machineId(),
  };
  const ca = input.caFile ? readFileSync(input.caFile) : undefined;
  let response;
  try {
    const url = new URL(routePath(API.enrollment.enroll), token.serverUrl).toString();
    response = await postJson(url, sealEnrollmentRequest(claim, keyPair, token.serverPublicKey), { ca });
  } catch (error) {
    throw new EnrollmentError(`cannot reach ${token.serverUrl}: ${(error as Error).message}`, 'unreachable');
  }
  if (response.status !== 200) {
    const body = response.body as { code?: string; message?: string } | string;
    const code = typeof body === 'object' && body?.code ? body.code : `http_${response.status}`;
    const message = typeof body === 'object' && body?.message ? body.message : `server answered ${response.status}`;
    throw new EnrollmentError(`enrollment refused: ${message}`, code);
  }
  const sealed = isSealedEnrollmentResponse(response.body) ? response.body : null;
  const result = sealed && openEnrollmentResponse(sealed, token.serverPublicKey, keyPair.secretKey);
  if (!result)
    throw new EnrollmentError(
      'the server did not prove it holds the key pinned in the token; nothing was saved',
      'server_not_verified',
    );
  if (result.fingerprint !== keyFingerprint(keyPair.publicKey)) {
    throw new EnrollmentError('the server reported another key fingerprint; nothing was saved', 'server_not_verified');
  }
  state.save(
    {
      deviceId: result.deviceId,
      deviceName: result.deviceName,
      group: result.group,
      serverUrl: token.serverUrl,
      serverPublicKey: encodeKey(token.serverPublicKey),
      jobSigningPublicKey: encodeKey(token.jobSigningPublicKey),
      fingerprint: result.fingerprint,
      enrolledAt: new Date().toISOString(),
      ...(input.caFile ? { caFile: input.caFile } : {}),
    },
    keyPair,
  );
  return { ...result, serverUrl: token.serverUrl };
}
