// Enrolls simulated agents the way agent/enroll.ts does (own key pair, claim sealed to the key the
// token pins, answer checked against it) but keeps each identity in memory: no state directories,
// so the bench measures the server, not the disk of ten thousand agents.
import { arch, release } from 'node:os';
import nacl from 'tweetnacl';
import { postJson } from '../../../agent/http.js';
import { routePath } from '../../../protocol/api/route.js';
import { API } from '../../../protocol/api/routes/index.js';
import {
  isSealedEnrollmentResponse,
  openEnrollmentResponse,
  sealEnrollmentRequest,
  type EnrollmentToken,
} from '../../../protocol/enrollment.js';
import { keyFingerprint } from '../../../protocol/keys.js';
import { HELPLINE_VERSION } from '../../../protocol/version.js';
import { Tally } from './percentiles.js';
import { runPool } from './run-pool.js';

export interface SimulatedIdentity {
  index: number;
  hostname: string;
  deviceId: string;
  keyPair: nacl.BoxKeyPair;
}

export async function enrollIdentities(input: {
  token: EnrollmentToken;
  agents: number;
  concurrency: number;
  runId: string;
}): Promise<{ identities: SimulatedIdentity[]; failures: Tally }> {
  const { token } = input;
  const identities: SimulatedIdentity[] = [];
  const failures = new Tally();
  const enrollUrl = new URL(routePath(API.enrollment.enroll), token.serverUrl).toString();
  const indexes = Array.from({ length: input.agents }, (_, index) => index);

  await runPool(indexes, input.concurrency, async (index) => {
    const keyPair = nacl.box.keyPair();
    const hostname = `bench-agent-${String(index).padStart(5, '0')}`;
    const claim = {
      tokenId: token.tokenId,
      secret: token.secret,
      hostname,
      platform: process.platform,
      osRelease: release().slice(0, 128),
      arch: arch(),
      agentVersion: HELPLINE_VERSION,
      // Distinct per identity: the server denies a second key for a machine id it already knows.
      machineId: `bench-${input.runId}-${index}`,
    };
    let response;
    try {
      response = await postJson(enrollUrl, sealEnrollmentRequest(claim, keyPair, token.serverPublicKey));
    } catch (error) {
      return failures.add(`network: ${networkReason(error as Error)}`);
    }
    if (response.status !== 200) {
      const body = response.body as { code?: string } | string;
      return failures.add(typeof body === 'object' && body?.code ? body.code : `http_${response.status}`);
    }
    const sealed = response.body;
    if (!isSealedEnrollmentResponse(sealed)) return failures.add('server_not_verified');
    const result = openEnrollmentResponse(sealed, token.serverPublicKey, keyPair.secretKey);
    if (!result || result.fingerprint !== keyFingerprint(keyPair.publicKey)) return failures.add('server_not_verified');
    if (result.status !== 'active') return failures.add(`device_${result.status}`);
    identities.push({ index, hostname, deviceId: result.deviceId, keyPair });
  });
  identities.sort((a, b) => a.index - b.index);
  return { identities, failures };
}

/** The errno code (EMFILE, ECONNRESET…) when there is one: messages also carry ports. */
export function networkReason(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code ?? /\b(E[A-Z]{3,})\b/.exec(error.message)?.[1];
  return code ?? error.message;
}
